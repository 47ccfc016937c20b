package io.ossimport.core.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A snapshot of one job as {@code stat} reports it: task counts per state, whether the scan has
 * finished, object and byte totals, and the progress of each running task.
 *
 * <p>It is read from the job tree alone, so it is available whether or not the service runs. {@link
 * StatReport} renders it in the original ossimport's text shape.
 */
public final class JobStatus {
  private final String jobName;
  private final JobState state;
  private final long pendingTasks;
  private final long dispatchedTasks;
  private final long runningTasks;
  private final long succeedTasks;
  private final long failedTasks;
  private final boolean scanFinished;
  private final int round;
  private final boolean incremental;
  private final Instant nextRoundTime;
  private final long totalObjects;
  private final long totalBytes;
  private final long doneObjects;
  private final long doneBytes;
  private final long skippedObjects;
  private final long failedObjects;
  private final List<TaskProgress> running;
  private final boolean audit;
  private final String abortReason;
  private final Instant startTime;
  private final Instant finishTime;
  private final Instant readTime;
  private final double bytesPerSecond;

  private JobStatus(Builder b) {
    this.jobName = b.jobName;
    this.state = b.state;
    this.pendingTasks = b.pendingTasks;
    this.dispatchedTasks = b.dispatchedTasks;
    this.runningTasks = b.runningTasks;
    this.succeedTasks = b.succeedTasks;
    this.failedTasks = b.failedTasks;
    this.scanFinished = b.scanFinished;
    this.round = b.round;
    this.incremental = b.incremental;
    this.nextRoundTime = b.nextRoundTime;
    this.totalObjects = b.totalObjects;
    this.totalBytes = b.totalBytes;
    this.doneObjects = b.doneObjects;
    this.doneBytes = b.doneBytes;
    this.skippedObjects = b.skippedObjects;
    this.failedObjects = b.failedObjects;
    this.running = Collections.unmodifiableList(new ArrayList<TaskProgress>(b.running));
    this.audit = b.audit;
    this.abortReason = b.abortReason;
    this.startTime = b.startTime;
    this.finishTime = b.finishTime;
    this.readTime = b.readTime;
    this.bytesPerSecond = b.bytesPerSecond;
  }

  /** Starts a snapshot of the named job. */
  public static Builder builder(String jobName, JobState state) {
    return new Builder(jobName, state);
  }

  public String jobName() {
    return jobName;
  }

  public JobState state() {
    return state;
  }

  public long pendingTasks() {
    return pendingTasks;
  }

  public long dispatchedTasks() {
    return dispatchedTasks;
  }

  public long runningTasks() {
    return runningTasks;
  }

  public long succeedTasks() {
    return succeedTasks;
  }

  public long failedTasks() {
    return failedTasks;
  }

  /** False while the master is still listing the source, and always in incremental mode. */
  public boolean scanFinished() {
    return scanFinished;
  }

  /** The scan round: 0 for the first pass, one more per incremental round. */
  public int round() {
    return round;
  }

  /** Whether the job rescans its source every {@code incrementalModeInterval} seconds. */
  public boolean incremental() {
    return incremental;
  }

  /**
   * When an incremental job's next round begins, or {@code null} while its current round is still
   * listing (and for a job that is not incremental).
   */
  public Instant nextRoundTime() {
    return nextRoundTime;
  }

  /** Objects listed so far, over all rounds (the total grows while the scan runs). */
  public long totalObjects() {
    return totalObjects;
  }

  public long totalBytes() {
    return totalBytes;
  }

  /** Objects uploaded, or skipped by a rule (see {@link #skippedObjects()}). */
  public long doneObjects() {
    return doneObjects;
  }

  public long doneBytes() {
    return doneBytes;
  }

  /**
   * Objects a rule left alone on purpose, also counted in {@link #doneObjects()}: skip-existing
   * ({@code isSkipExistFile}), older than {@code importSince}, a symbolic link while {@code
   * isAllowSymbolicLink=false} or a link to a directory; each is in the job's {@code skipped.list}
   * with its rule. For an audit: modified after {@code lastModify}.
   */
  public long skippedObjects() {
    return skippedObjects;
  }

  /**
   * Objects that failed, each in its failed task's {@code error.list} with a reason: transfer
   * failures and entries the scan met that cannot be migrated (unreadable, special files,
   * undecodable names, directories that cannot be listed, broken links); {@code retry} redoes them.
   */
  public long failedObjects() {
    return failedObjects;
  }

  /** The running tasks' progress, in task id order. */
  public List<TaskProgress> runningTaskProgress() {
    return running;
  }

  /**
   * True for a {@code jobType=audit} job: its done objects were verified, not uploaded, and its
   * skipped ones were modified after {@code lastModify}.
   */
  public boolean isAudit() {
    return audit;
  }

  /**
   * Why the job is {@code Abort}: the cause (e.g. what OSS answered) and what to fix, one line;
   * empty in any other state, or when the job was aborted by a version that did not record it.
   */
  public String abortReason() {
    return abortReason;
  }

  /**
   * Bytes moved so far: {@link #doneBytes()} of the completed tasks plus what the running tasks
   * have moved, including the parts already uploaded (and, read by a live service, the part in
   * flight) of a large object. What progress lines and percentages show.
   */
  public long progressBytes() {
    long bytes = doneBytes;
    for (TaskProgress task : running) {
      bytes += task.doneBytes();
    }
    return bytes;
  }

  /** Objects finished so far: {@link #doneObjects()} plus those the running tasks finished. */
  public long progressObjects() {
    long objects = doneObjects;
    for (TaskProgress task : running) {
      objects += task.doneObjects();
    }
    return objects;
  }

  /**
   * Bytes per second over the last {@link TransferRate#DEFAULT_WINDOW_MILLIS} ms, or -1 when not
   * measured: a snapshot read once has no rate; progress events of the service and front ends that
   * poll ({@code stat --progress}, {@code stat --follow}) measure it with {@link TransferRate}.
   */
  public double bytesPerSecond() {
    return bytesPerSecond;
  }

  /**
   * Seconds until the bytes listed so far are moved at {@link #bytesPerSecond()}: 0 when nothing is
   * left of a finished scan, -1 when unknown (no rate, or the scan still lists).
   */
  public long etaSeconds() {
    long remaining = totalBytes - progressBytes();
    if (remaining <= 0 && scanFinished) {
      return 0;
    }
    return scanFinished ? TransferRate.etaSeconds(remaining, bytesPerSecond) : -1;
  }

  /** When the service first started the job, or {@code null} before. */
  public Instant startTime() {
    return startTime;
  }

  /** When the job reached Succeed, Failed or Abort, or {@code null}. */
  public Instant finishTime() {
    return finishTime;
  }

  /**
   * Milliseconds from the job's start to its finish (or to this snapshot while it runs); -1 before
   * it started.
   */
  public long elapsedMillis() {
    if (startTime == null) {
      return -1;
    }
    Instant end = finishTime != null ? finishTime : readTime;
    return Math.max(0, end.toEpochMilli() - startTime.toEpochMilli());
  }

  /** This snapshot with the rate a front end or the service measured ({@code -1}: unknown). */
  public JobStatus withRate(double bytesPerSecond) {
    Builder b = toBuilder();
    b.bytesPerSecond = bytesPerSecond;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder(jobName, state);
    b.tasks(pendingTasks, dispatchedTasks, runningTasks, succeedTasks, failedTasks);
    b.scan(scanFinished, round);
    if (incremental) {
      b.incremental(nextRoundTime);
    }
    b.objects(totalObjects, totalBytes, doneObjects, doneBytes, skippedObjects, failedObjects);
    b.running.addAll(running);
    b.audit(audit).abortReason(abortReason).times(startTime, finishTime);
    b.readTime = readTime;
    return b;
  }

  @Override
  public String toString() {
    return "JobStatus{"
        + jobName
        + ", "
        + state
        + ", objects "
        + doneObjects
        + "/"
        + totalObjects
        + ", failed "
        + failedObjects
        + "}";
  }

  /** Builds a {@link JobStatus}; every count starts at zero. */
  public static final class Builder {
    private final String jobName;
    private final JobState state;
    private long pendingTasks;
    private long dispatchedTasks;
    private long runningTasks;
    private long succeedTasks;
    private long failedTasks;
    private boolean scanFinished;
    private int round;
    private boolean incremental;
    private Instant nextRoundTime;
    private long totalObjects;
    private long totalBytes;
    private long doneObjects;
    private long doneBytes;
    private long skippedObjects;
    private long failedObjects;
    private final List<TaskProgress> running = new ArrayList<TaskProgress>();
    private boolean audit;
    private String abortReason = "";
    private Instant startTime;
    private Instant finishTime;
    private Instant readTime = Instant.now();
    private double bytesPerSecond = -1;

    private Builder(String jobName, JobState state) {
      this.jobName = jobName;
      this.state = state;
    }

    /** Task counts per state: pending, dispatched, running, succeeded, failed. */
    public Builder tasks(long pending, long dispatched, long running, long succeed, long failed) {
      this.pendingTasks = pending;
      this.dispatchedTasks = dispatched;
      this.runningTasks = running;
      this.succeedTasks = succeed;
      this.failedTasks = failed;
      return this;
    }

    public Builder scan(boolean finished, int round) {
      this.scanFinished = finished;
      this.round = round;
      return this;
    }

    /**
     * Marks the job incremental.
     *
     * @param nextRound when the next round begins, or {@code null} while the current one lists
     */
    public Builder incremental(Instant nextRound) {
      this.incremental = true;
      this.nextRoundTime = nextRound;
      return this;
    }

    /** Object and byte totals: listed, done (uploaded or skipped), skipped, failed. */
    public Builder objects(
        long totalObjects,
        long totalBytes,
        long doneObjects,
        long doneBytes,
        long skippedObjects,
        long failedObjects) {
      this.totalObjects = totalObjects;
      this.totalBytes = totalBytes;
      this.doneObjects = doneObjects;
      this.doneBytes = doneBytes;
      this.skippedObjects = skippedObjects;
      this.failedObjects = failedObjects;
      return this;
    }

    /** Marks a {@code jobType=audit} job. */
    public Builder audit(boolean audit) {
      this.audit = audit;
      return this;
    }

    /** Why the job is {@code Abort} (empty or {@code null}: not recorded). */
    public Builder abortReason(String reason) {
      this.abortReason = reason == null ? "" : reason;
      return this;
    }

    /** When the job started and finished ({@code null}: not yet). */
    public Builder times(Instant start, Instant finish) {
      this.startTime = start;
      this.finishTime = finish;
      return this;
    }

    public Builder addRunning(TaskProgress progress) {
      running.add(progress);
      return this;
    }

    public JobStatus build() {
      return new JobStatus(this);
    }
  }
}
