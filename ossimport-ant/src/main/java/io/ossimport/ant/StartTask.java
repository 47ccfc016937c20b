package io.ossimport.ant;

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
      new BackgroundService(this, runner, sysconfig()).start(timeout > 0 ? timeout : 60);
      return;
    }
    final List<String> names = jobNames(runner);
    Path workingDir = runner.run(OssImport::workingDir);
    if (names.isEmpty()) {
      throw runner.fail("No job in " + workingDir + "; run the submit task first.");
    }
    final long deadline =
        timeout > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout) : Long.MAX_VALUE;
    List<JobStatus> jobs = runner.run(ossImport -> runUntilEnded(ossImport, names, deadline));
    List<String> unfinished = new ArrayList<String>();
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Running) {
        unfinished.add(job.jobName());
        for (String line : JobReport.summary(job, workingDir)) {
          log(line);
        }
      } else {
        runner.report(job, workingDir);
      }
    }
    if (!unfinished.isEmpty() && timeout == 0) {
      throw runner.fail(
          "The service stopped before job(s) " + unfinished + " ended; see the log above.");
    }
    if (!unfinished.isEmpty()) {
      throw runner.fail(
          "Job(s) "
              + unfinished
              + " still running after "
              + timeout
              + " s (timeout); the service stopped and kept the progress: run start again to"
              + " resume.");
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
