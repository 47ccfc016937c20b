package io.ossimport.maven;

import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.RunningService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
      new BackgroundService(runner, plugin, sysConfig()).start(timeout > 0 ? timeout : 60);
      return;
    }
    final List<String> names = jobNames(runner);
    Path workingDir = runner.run(OssImport::workingDir);
    if (names.isEmpty()) {
      throw new MojoFailureException(
          "No job in " + workingDir + "; run ossimport:submit first (or set <workDir>).");
    }
    final long deadline =
        timeout > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout) : Long.MAX_VALUE;
    List<JobStatus> jobs = runner.run(ossImport -> runUntilEnded(ossImport, names, deadline));
    List<String> unfinished = new ArrayList<String>();
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Running) {
        unfinished.add(job.jobName());
        for (String line : JobReport.summary(job, workingDir)) {
          runner.log().info(line);
        }
      } else {
        runner.report(job, failOnTaskErrors, workingDir);
      }
    }
    if (!unfinished.isEmpty() && timeout == 0) {
      throw new MojoExecutionException(
          "The service stopped before job(s) " + unfinished + " ended; see the log above.");
    }
    if (!unfinished.isEmpty()) {
      throw new MojoFailureException(
          "Job(s) "
              + unfinished
              + " still running after "
              + timeout
              + " s (ossimport.timeout); the service stopped and kept the progress: run"
              + " ossimport:start again to resume.");
    }
  }

  /**
   * "No limit" for {@code awaitJob}: a century, not {@code Long.MAX_VALUE}, which the engine adds
   * to the clock (and which then overflows into the past).
   */
  private static final long NO_LIMIT_MILLIS = TimeUnit.DAYS.toMillis(36500);

  private static List<JobStatus> runUntilEnded(
      OssImport ossImport, List<String> names, long deadline)
      throws OssImportException, InterruptedException {
    List<JobStatus> jobs = new ArrayList<JobStatus>();
    try (RunningService service = ossImport.start()) {
      for (String name : names) {
        long left =
            deadline == Long.MAX_VALUE
                ? NO_LIMIT_MILLIS
                : Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        jobs.add(service.awaitJob(name, left));
      }
    }
    return jobs;
  }
}
