package io.ossimport.core.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link OssImport#runJobs}, {@link OssImport#startInBackground} and {@link
 * OssImport#stopAndWait} ended with: one type for the three service operations, so that every front
 * end reads the same facts. {@link #message()} and {@link #remedy()} say, in no front end's words,
 * why an unfinished outcome ({@link #finished()} false) is one.
 */
public final class ServiceOutcome {
  /** How the operation ended. */
  public enum Kind {
    /** Every job ended (Succeed, Failed or Abort); the service stopped. */
    JOBS_ENDED(true),
    /** The deadline passed with jobs still running; the service stopped and kept their progress. */
    DEADLINE_PASSED(false),
    /** The service was stopped (from elsewhere) before every job ended; progress is kept. */
    SERVICE_STOPPED(false),
    /** A service in its own process holds the working directory now. */
    STARTED_IN_BACKGROUND(true),
    /** The service stopped on request. */
    STOPPED(true),
    /** No service was running: nothing to stop. */
    NOT_RUNNING(true),
    /** The service did not stop in time; its process ({@link #pid()}) still runs. */
    STOP_TIMED_OUT(false);

    private final boolean finished;

    Kind(boolean finished) {
      this.finished = finished;
    }
  }

  private final Kind kind;
  private final long pid;
  private final List<JobStatus> jobs;
  private final Path log;
  private final long waitedSeconds;

  ServiceOutcome(Kind kind, long pid, List<JobStatus> jobs, Path log, long waitedSeconds) {
    this.kind = kind;
    this.pid = pid;
    this.jobs = Collections.unmodifiableList(new ArrayList<JobStatus>(jobs));
    this.log = log;
    this.waitedSeconds = waitedSeconds;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the operation did what it was asked (else see {@link #message()}). */
  public boolean finished() {
    return kind.finished;
  }

  /** The service's PID (started, stopped or still running), or -1. */
  public long pid() {
    return pid;
  }

  /** {@link OssImport#runJobs}: each job's last snapshot, in the order asked; else empty. */
  public List<JobStatus> jobs() {
    return jobs;
  }

  /** The names of the {@link #jobs()} still {@code Running}. */
  public List<String> unfinishedJobs() {
    List<String> names = new ArrayList<String>();
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Running) {
        names.add(job.jobName());
      }
    }
    return names;
  }

  /** The background service's log file, or null. */
  public Path log() {
    return log;
  }

  /** Why an unfinished outcome is one, naming no command; empty when {@link #finished()}. */
  public String message() {
    switch (kind) {
      case DEADLINE_PASSED:
        return "Job(s) "
            + unfinishedJobs()
            + " still running after "
            + waitedSeconds
            + " s; the service stopped and kept the progress.";
      case SERVICE_STOPPED:
        return "The service stopped before job(s) "
            + unfinishedJobs()
            + " ended (a stop request from elsewhere?); the progress is kept.";
      case STOP_TIMED_OUT:
        return "The ossimport service (pid "
            + pid
            + ") did not stop within "
            + waitedSeconds
            + " s.";
      default:
        return "";
    }
  }

  /** What to do about an unfinished outcome; {@link Remedy#NONE} when {@link #finished()}. */
  public Remedy remedy() {
    switch (kind) {
      case DEADLINE_PASSED:
      case SERVICE_STOPPED:
        return Remedy.START_AGAIN;
      case STOP_TIMED_OUT:
        return Remedy.KILL_SERVICE;
      default:
        return Remedy.NONE;
    }
  }
}
