package io.ossimport.core.api;

import java.io.IOException;

/**
 * Following one job to its end ({@code stat --follow}): one process reports the job every interval
 * until it leaves {@code Running}, instead of a poller starting a JVM per report. This class holds
 * the decisions (when to look again, when a report is due, when the job counts as ended, when the
 * service counts as gone, how long failing reads are borne); a front end prints each report its own
 * way ({@link Listener}) and maps the {@link Result} to its own outcome.
 *
 * <p>Between two reports only the job's state (its JOB record) is read, every {@link #TICK_MILLIS},
 * so the end of the job is reported within a tick whatever the interval; the full snapshot, which
 * reads the running tasks' files, is taken only for a report.
 *
 * <p>A {@code Running} job without a service never ends, so the service lock of the working
 * directory is also looked at every {@link #SERVICE_CHECK_MILLIS}: once a service was seen, two
 * checks in a row without one end the follow; before that, a service has {@code serviceStartMillis}
 * to appear (import.bat starts it in another window and does not wait).
 */
public final class JobFollow {
  /** How often the job's state and the service are looked at between two reports. */
  public static final long TICK_MILLIS = 250;

  /**
   * How often the service lock is probed. Seldom: a probe takes the lock for an instant, and a
   * service starting in that instant would be refused.
   */
  public static final long SERVICE_CHECK_MILLIS = 1000;

  /** How long a service may take to appear when none runs as the follow begins. */
  public static final long SERVICE_START_MILLIS = 60000;

  /**
   * How long reads of the tree may keep failing before the failure ends the follow: a poll of the
   * import scripts used to be retried, and a long import should not end for one unlucky read.
   */
  public static final long READ_PATIENCE_MILLIS = 30000;

  /** How a follow ended. */
  public enum End {
    /** The job succeeded. */
    SUCCEEDED,
    /** The job ended with failed tasks. */
    FAILED_TASKS,
    /** The job was aborted. */
    ABORTED,
    /** No service runs the job (none appeared in time, or the one running stopped). */
    SERVICE_GONE
  }

  /** How the follow ended, with the job's last reported snapshot. */
  public static final class Result {
    private final End end;
    private final JobStatus last;

    Result(End end, JobStatus last) {
      this.end = end;
      this.last = last;
    }

    /** How the follow ended. */
    public End end() {
      return end;
    }

    /** The snapshot of the last report (the job's end, or its state when the service went). */
    public JobStatus last() {
      return last;
    }
  }

  /** Receives each report's snapshot, the last one with {@code ended} true when the job ended. */
  public interface Listener {
    void report(JobStatus status, boolean ended) throws IOException;
  }

  /** What is read of the job and its service; {@link #of(OssImport, String)} reads the tree. */
  public interface Source {
    /** The job's state from its JOB record alone (cheap). */
    JobState state() throws OssImportException;

    /** The job's full snapshot. */
    JobStatus stat() throws OssImportException;

    /** Whether a service holds the working directory's lock. */
    boolean serviceRunning();
  }

  /** The time the follow goes by: monotonic milliseconds, and waiting. */
  public interface Clock {
    /** Monotonic milliseconds. */
    long nowMillis();

    void sleep(long millis) throws InterruptedException;

    /** The system's monotonic clock and {@link Thread#sleep}. */
    Clock SYSTEM =
        new Clock() {
          @Override
          public long nowMillis() {
            return System.nanoTime() / 1000000;
          }

          @Override
          public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
          }
        };
  }

  private final Source source;
  private final Clock clock;
  private final long intervalMillis;
  private final long serviceStartMillis;
  private final Listener listener;

  /**
   * @param intervalMillis time between two reports while the job runs
   * @param serviceStartMillis how long a service may take to appear when none runs at the start
   */
  public JobFollow(
      Source source, Clock clock, long intervalMillis, long serviceStartMillis, Listener listener) {
    this.source = source;
    this.clock = clock;
    this.intervalMillis = intervalMillis;
    this.serviceStartMillis = serviceStartMillis;
    this.listener = listener;
  }

  /** The job {@code jobName} of {@code oss}, read from its working directory. */
  public static Source of(final OssImport oss, final String jobName) {
    return new Source() {
      @Override
      public JobState state() throws OssImportException {
        return oss.state(jobName);
      }

      @Override
      public JobStatus stat() throws OssImportException {
        return oss.stat(jobName);
      }

      @Override
      public boolean serviceRunning() {
        return oss.servicePid() >= 0;
      }
    };
  }

  /**
   * Reports until the job ends or no service runs it (then after a last report).
   *
   * @throws JobConflictException at once when the job is gone (cleaned: following it makes no sense
   *     any more)
   * @throws OssImportException when reads kept failing for {@link #READ_PATIENCE_MILLIS}
   * @throws IOException from the listener
   */
  public Result follow() throws OssImportException, IOException, InterruptedException {
    long started = clock.nowMillis();
    long nextReport = started;
    long serviceChecked = started - SERVICE_CHECK_MILLIS;
    boolean serviceSeen = false;
    int serviceMisses = 0;
    long failingSince = -1;
    while (true) {
      long now = clock.nowMillis();
      boolean readFailed = false;
      try {
        if (now >= nextReport || source.state() != JobState.Running) {
          JobStatus status = source.stat();
          if (hasEnded(status)) {
            return ended(status);
          }
          if (now >= nextReport) {
            listener.report(status, false);
            nextReport += intervalMillis;
            if (nextReport <= now) {
              nextReport = now + intervalMillis;
            }
          }
        }
        failingSince = -1;
      } catch (JobConflictException e) {
        throw e;
      } catch (OssImportException e) {
        readFailed = true;
        if (failingSince < 0) {
          failingSince = now;
        } else if (now - failingSince >= READ_PATIENCE_MILLIS) {
          throw e;
        }
      }
      if (now - serviceChecked >= SERVICE_CHECK_MILLIS) {
        serviceChecked = now;
        if (source.serviceRunning()) {
          serviceSeen = true;
          serviceMisses = 0;
        } else if (serviceSeen ? ++serviceMisses >= 2 : now - started >= serviceStartMillis) {
          return serviceGone();
        }
      }
      // after a failed read the report stays due: wait a tick, not the 1 ms that would spin
      clock.sleep(
          readFailed
              ? TICK_MILLIS
              : Math.max(1, Math.min(TICK_MILLIS, nextReport - clock.nowMillis())));
    }
  }

  /** A last report; the job may have ended just before its service stopped. */
  private Result serviceGone() throws OssImportException, IOException {
    JobStatus last = source.stat();
    if (hasEnded(last)) {
      return ended(last);
    }
    listener.report(last, false);
    return new Result(End.SERVICE_GONE, last);
  }

  private Result ended(JobStatus status) throws IOException {
    listener.report(status, true);
    switch (status.state()) {
      case Failed:
        return new Result(End.FAILED_TASKS, status);
      case Abort:
        return new Result(End.ABORTED, status);
      default:
        return new Result(End.SUCCEEDED, status);
    }
  }

  /**
   * Whether the job is over. A retry beside a service of another process moves the failed tasks
   * back to pending and leaves the JOB record to the service's tracker, which marks it Running a
   * moment later: until then a Failed job with pending or dispatched tasks is still going.
   */
  public static boolean hasEnded(JobStatus status) {
    if (status.state() == JobState.Running) {
      return false;
    }
    return status.state() != JobState.Failed
        || status.pendingTasks() + status.dispatchedTasks() == 0;
  }
}
