package io.ossimport.ant;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceOutcome;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.tools.ant.AntClassLoader;

/**
 * {@code <ossimport:start workdir="work"/>}: runs the service until the job ends (Succeed, Failed
 * or Abort), stops it and reports; with {@code background="true"} starts it as a separate {@code
 * java} process, like {@code console.sh start}, and returns.
 */
public class StartTask extends AbstractJobTask {
  private long timeout;
  private boolean background;

  /**
   * Seconds to wait for the job to end (or, with {@code background}, for the service to come up); 0
   * = no limit (60 s for the background service). A job still running then fails the task; the
   * service is stopped and keeps the progress.
   */
  public void setTimeout(long timeout) {
    this.timeout = timeout;
  }

  /**
   * Start the service as a separate {@code java} process (this task's classpath, output appended to
   * {@code <workdir>/logs/ossimport2.log}) that outlives the build; stop it with the stop task.
   */
  public void setBackground(boolean background) {
    this.background = background;
  }

  @Override
  protected void run(AntRunner runner) {
    if (background) {
      final String classpath = classpath();
      ServiceOutcome started =
          runner.run(
              ossImport -> ossImport.startInBackground(classpath, timeout > 0 ? timeout : 60));
      log(
          "Started the ossimport service in the background (pid "
              + started.pid()
              + "); log: "
              + started.log()
              + ". Stop it with <ossimport:stop/>.");
      return;
    }
    final String name = jobname();
    ServiceOutcome outcome = runner.run(ossImport -> ossImport.runJobs(name, timeout));
    Path workingDir = runner.run(OssImport::workingDir);
    for (JobStatus job : outcome.jobs()) {
      runner.report(job, workingDir);
    }
    runner.check(outcome);
  }

  /**
   * The jar (or directory) this task came from, and the rest of the loader's path when it was
   * defined with a {@code <taskdef classpath>}; with the self-contained jar the first is enough.
   */
  private String classpath() {
    Set<String> entries = new LinkedHashSet<String>();
    try {
      entries.add(
          new File(getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
              .getAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (unusual loader): the loader path below must do
    }
    ClassLoader loader = getClass().getClassLoader();
    String path =
        loader instanceof AntClassLoader
            ? ((AntClassLoader) loader).getClasspath()
            : System.getProperty("java.class.path");
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
