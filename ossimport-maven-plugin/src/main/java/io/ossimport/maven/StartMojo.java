package io.ossimport.maven;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceOutcome;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the service (master, tracker and worker) on the working directory. By default it runs inside
 * the build until the job ends (Succeed, Failed or Abort), stops the service and reports; with
 * {@code background} it starts the service as a separate {@code java} process, like {@code
 * console.sh start}, and returns.
 */
@Mojo(name = "start", requiresProject = false, threadSafe = true)
public class StartMojo extends AbstractJobMojo {
  /**
   * Fail the build when the job ends with failed tasks; when false, only warn.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.failOnTaskErrors", defaultValue = "true")
  private boolean failOnTaskErrors;

  /**
   * Start the service as a separate {@code java} process (with this plugin's classpath, output
   * appended to {@code <workDir>/logs/ossimport2.log}) that outlives the build; stop it with {@code
   * ossimport:stop}, follow it with {@code ossimport:stat}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.background", defaultValue = "false")
  private boolean background;

  /**
   * Seconds to wait: for the job to end (in the build), or for the background service to come up. 0
   * means no limit in the build and 60 seconds for the background service. When the job has not
   * ended in time the service is stopped (progress is kept; the next start resumes) and the build
   * fails.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.timeout", defaultValue = "0")
  private long timeout;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  private PluginDescriptor plugin;

  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    if (background) {
      final String classpath = classpath();
      ServiceOutcome started =
          runner.run(
              ossImport -> ossImport.startInBackground(classpath, timeout > 0 ? timeout : 60));
      runner
          .log()
          .info(
              "Started the ossimport service in the background (pid "
                  + started.pid()
                  + "); log: "
                  + started.log()
                  + ". Follow it with ossimport:stat, stop it with"
                  + " ossimport:stop.");
      return;
    }
    final String name = jobName();
    ServiceOutcome outcome = runner.run(ossImport -> ossImport.runJobs(name, timeout));
    Path workingDir = runner.run(OssImport::workingDir);
    for (JobStatus job : outcome.jobs()) {
      runner.report(job, failOnTaskErrors, workingDir);
    }
    runner.check(outcome);
  }

  /** The jars of this plugin's class realm: the plugin, core and their dependencies. */
  private String classpath() throws MojoExecutionException {
    StringBuilder path = new StringBuilder();
    try {
      for (URL url : plugin.getClassRealm().getURLs()) {
        path.append(path.length() > 0 ? File.pathSeparator : "");
        path.append(new File(url.toURI()).getAbsolutePath());
      }
    } catch (URISyntaxException e) {
      throw new MojoExecutionException("Cannot build the service classpath: " + e.getMessage(), e);
    }
    return path.toString();
  }
}
