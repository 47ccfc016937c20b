package io.ossimport.cli;

import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import java.io.IOException;
import java.util.Collections;

/**
 * {@code stat --follow}: one process reports a job every interval until the job leaves {@code
 * Running}, instead of the import scripts starting a JVM per report. Between two reports it reads
 * only the job's state (its JOB record) every {@link #TICK_MILLIS}, so the end of the job is
 * reported within a tick whatever the interval; the full snapshot, which reads the running tasks'
 * files, is taken only for a report.
 *
 * <p>A {@code Running} job without a service never ends, so the follower also looks at the service
 * lock of the working directory every {@link #SERVICE_CHECK_MILLIS}: once a service was seen, two
 * checks in a row without one end the follow; before that, a service has {@code serviceStartMillis}
 * to appear (import.bat starts it in another window and does not wait).
 */
final class JobFollower {
  /** How often the job's state and the service are looked at between two reports. */
  static final long TICK_MILLIS = 250;

  /**
   * How often the service lock is probed. Seldom: a probe takes the lock for an instant, and a
   * service starting in that instant would be refused.
   */
  static final long SERVICE_CHECK_MILLIS = 1000;

  /** How long a service may take to appear when none runs as the follow begins. */
  static final long SERVICE_START_MILLIS = 60000;

  /**
   * How long reads of the tree may keep failing before the failure ends the follow: a poll of the
   * import scripts used to be retried, and a long import should not end for one unlucky read.
   */
  static final long READ_PATIENCE_MILLIS = 30000;

  /** Receives each report's snapshot. */
  interface Reporter {
    void report(JobStatus status) throws IOException;
  }

  private final OssImport oss;
  private final String job;
  private final long intervalMillis;
  private final long serviceStartMillis;
  private final Reporter reporter;

  JobFollower(
      OssImport oss, String job, long intervalMillis, long serviceStartMillis, Reporter reporter) {
    this.oss = oss;
    this.job = job;
    this.intervalMillis = intervalMillis;
    this.serviceStartMillis = serviceStartMillis;
    this.reporter = reporter;
  }

  /**
   * Reports until the job leaves {@code Running}; returns the exit code {@code stat} gives for the
   * final snapshot (OK, FAILED_TASKS or RUNTIME for an aborted job).
   *
   * @throws CommandFailure SERVICE_STATE when no service runs the job, after a last report
   */
  ExitCode follow() throws OssImportException, IOException, InterruptedException, CommandFailure {
    long started = now();
    long nextReport = started;
    long serviceChecked = started - SERVICE_CHECK_MILLIS;
    boolean serviceSeen = false;
    int serviceMisses = 0;
    long failingSince = -1;
    while (true) {
      long now = now();
      try {
        if (now >= nextReport || oss.state(job) != JobState.Running) {
          JobStatus status = oss.stat(job);
          if (hasEnded(status)) {
            reporter.report(status);
            return exitCodeOf(status);
          }
          if (now >= nextReport) {
            reporter.report(status);
            nextReport += intervalMillis;
            if (nextReport <= now) {
              nextReport = now + intervalMillis;
            }
          }
        }
        failingSince = -1;
      } catch (JobConflictException e) {
        throw e; // the job was cleaned: following it makes no sense any more
      } catch (OssImportException e) {
        if (failingSince < 0) {
          failingSince = now;
        } else if (now - failingSince >= READ_PATIENCE_MILLIS) {
          throw e;
        }
      }
      if (now - serviceChecked >= SERVICE_CHECK_MILLIS) {
        serviceChecked = now;
        if (oss.servicePid() >= 0) {
          serviceSeen = true;
          serviceMisses = 0;
        } else if (serviceSeen ? ++serviceMisses >= 2 : now - started >= serviceStartMillis) {
          return serviceGone();
        }
      }
      Thread.sleep(Math.max(1, Math.min(TICK_MILLIS, nextReport - now())));
    }
  }

  /** A last report; the job may have ended just before its service stopped. */
  private ExitCode serviceGone() throws OssImportException, IOException, CommandFailure {
    JobStatus last = oss.stat(job);
    reporter.report(last);
    if (hasEnded(last)) {
      return exitCodeOf(last);
    }
    throw new CommandFailure(
        ExitCode.SERVICE_STATE,
        "no import service is running on "
            + oss.workingDir()
            + ", so job "
            + job
            + " cannot finish; start the service (console.sh start) and follow it again.");
  }

  /**
   * Whether the job is over. A retry beside a service of another process moves the failed tasks
   * back to pending and leaves the JOB record to the service's tracker, which marks it Running a
   * moment later: until then a Failed job with pending or dispatched tasks is still going.
   */
  static boolean hasEnded(JobStatus status) {
    if (status.state() == JobState.Running) {
      return false;
    }
    return status.state() != JobState.Failed
        || status.pendingTasks() + status.dispatchedTasks() == 0;
  }

  private static ExitCode exitCodeOf(JobStatus status) {
    return StatCommand.exitCodeOf(Collections.singletonList(status));
  }

  private static long now() {
    return System.nanoTime() / 1000000;
  }
}
