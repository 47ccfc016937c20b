package io.ossimport.core.api;

/**
 * Something the engine tells its front end: a log line or a progress snapshot. The engine never
 * prints; each front end renders events in its own idiom (Maven log, Ant log levels, a terminal
 * line, JSON).
 */
public final class ImportEvent {
  /** How important a log event is; front ends map it to their own levels. */
  public enum Level {
    ERROR,
    WARN,
    INFO,
    DEBUG
  }

  private final Level level;
  private final String jobName;
  private final String message;
  private final JobStatus progress;
  private final Remedy remedy;

  private ImportEvent(
      Level level, String jobName, String message, JobStatus progress, Remedy remedy) {
    this.level = level;
    this.jobName = jobName;
    this.message = message;
    this.progress = progress;
    this.remedy = remedy;
  }

  /** A log line; {@code jobName} is null for events not about one job. */
  public static ImportEvent log(Level level, String jobName, String message) {
    return new ImportEvent(level, jobName, message, null, Remedy.NONE);
  }

  /**
   * A log line followed by what the user does about it, which each front end words as its own
   * commands ({@link RemedyWords#render}).
   */
  public static ImportEvent log(Level level, String jobName, String message, Remedy remedy) {
    return new ImportEvent(level, jobName, message, null, remedy);
  }

  /** A periodic progress snapshot of a job. */
  public static ImportEvent progress(JobStatus status) {
    return new ImportEvent(Level.INFO, status.jobName(), null, status, Remedy.NONE);
  }

  public Level level() {
    return level;
  }

  /** The job the event is about, or null. */
  public String jobName() {
    return jobName;
  }

  /** The log text, or null for a progress event. Never contains a secret. */
  public String message() {
    return message;
  }

  /** The snapshot of a progress event, or null for a log event. */
  public JobStatus progress() {
    return progress;
  }

  /** What the user does about a log event ({@link Remedy#NONE} when nothing). */
  public Remedy remedy() {
    return remedy;
  }

  public boolean isProgress() {
    return progress != null;
  }

  @Override
  public String toString() {
    return isProgress()
        ? "progress " + progress
        : level + " " + message + (remedy == Remedy.NONE ? "" : " [" + remedy + "]");
  }
}
