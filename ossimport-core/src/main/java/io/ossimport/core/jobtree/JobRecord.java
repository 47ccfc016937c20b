package io.ossimport.core.jobtree;

import io.ossimport.core.api.JobState;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code JOB} file of a job: what {@code stat} needs without reading any task. Immutable; use
 * the {@code with...} methods and {@link JobTree#updateJob} to change it.
 */
public final class JobRecord {
  private final String name;
  private final JobState state;
  private final boolean scanFinished;
  private final int round;
  private final String configDigest;
  private final JobCounters counters;
  private final Instant submitTime;
  private final Instant startTime;
  private final Instant finishTime;
  private final String countLedger;
  private final RoundSchedule schedule;
  private final String abortReason;

  JobRecord(
      String name,
      JobState state,
      boolean scanFinished,
      int round,
      String configDigest,
      JobCounters counters,
      Instant submitTime,
      Instant startTime,
      Instant finishTime,
      String countLedger,
      RoundSchedule schedule,
      String abortReason) {
    this.name = Objects.requireNonNull(name, "name");
    this.state = Objects.requireNonNull(state, "state");
    this.scanFinished = scanFinished;
    if (round < 0) {
      throw new IllegalArgumentException("round " + round + " is negative");
    }
    this.round = round;
    this.configDigest = Objects.requireNonNull(configDigest, "configDigest");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.submitTime = Objects.requireNonNull(submitTime, "submitTime");
    this.startTime = startTime;
    this.finishTime = finishTime;
    this.countLedger = countLedger == null ? "" : countLedger;
    if (this.countLedger.indexOf('\n') >= 0 || this.countLedger.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the count ledger must be one line");
    }
    this.schedule = schedule;
    this.abortReason = abortReason == null ? "" : abortReason;
    if (this.abortReason.indexOf('\n') >= 0 || this.abortReason.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the abort reason must be one line");
    }
  }

  /** The record of a job just submitted: Running, scan not finished, round 0, zero counters. */
  static JobRecord submitted(String name, String configDigest, Instant now) {
    return new JobRecord(
        name,
        JobState.Running,
        false,
        0,
        configDigest,
        JobCounters.ZERO,
        now,
        null,
        null,
        "",
        null,
        "");
  }

  public String name() {
    return name;
  }

  public JobState state() {
    return state;
  }

  /** Whether the master has listed the whole source (stays false in incremental mode). */
  public boolean scanFinished() {
    return scanFinished;
  }

  /** The scan round: 0 for the first pass, +1 for each incremental round. */
  public int round() {
    return round;
  }

  /** {@code sha256:<hex>} of the frozen configuration text. */
  public String configDigest() {
    return configDigest;
  }

  public JobCounters counters() {
    return counters;
  }

  public Instant submitTime() {
    return submitTime;
  }

  /** When the service first started the job, or {@code null}. */
  public Instant startTime() {
    return startTime;
  }

  /** When the job reached Succeed, Failed or Abort, or {@code null}. */
  public Instant finishTime() {
    return finishTime;
  }

  /** This record in {@code newState}; the abort reason goes unless the state stays Abort. */
  public JobRecord withState(JobState newState) {
    Copy c = new Copy();
    c.state = newState;
    c.abortReason = newState == JobState.Abort ? abortReason : "";
    return c.build();
  }

  public JobRecord withScanFinished(boolean finished) {
    Copy c = new Copy();
    c.scanFinished = finished;
    return c.build();
  }

  public JobRecord withRound(int newRound) {
    Copy c = new Copy();
    c.round = newRound;
    return c.build();
  }

  public JobRecord withCounters(JobCounters newCounters) {
    Copy c = new Copy();
    c.counters = newCounters;
    return c.build();
  }

  public JobRecord withStartTime(Instant time) {
    Copy c = new Copy();
    c.startTime = time;
    return c.build();
  }

  public JobRecord withFinishTime(Instant time) {
    Copy c = new Copy();
    c.finishTime = time;
    return c.build();
  }

  /**
   * The tracker's count ledger: an opaque line (empty when none) written in the same atomic update
   * as a task's counts, before the task is completed, so that after a crash the tracker can tell
   * whether the counts of that task were added for a completion that never happened.
   */
  public String countLedger() {
    return countLedger;
  }

  public JobRecord withCountLedger(String ledger) {
    Copy c = new Copy();
    c.countLedger = ledger;
    return c.build();
  }

  /** The incremental schedule, or {@code null} for a job that is not incremental. */
  public RoundSchedule schedule() {
    return schedule;
  }

  /** This record with the incremental schedule replaced. */
  public JobRecord withSchedule(RoundSchedule newSchedule) {
    Copy c = new Copy();
    c.schedule = newSchedule;
    return c.build();
  }

  /**
   * Why the job is in {@code Abort}: one line naming the cause and what to fix, for {@code stat}
   * and the front ends; empty in any other state (and in a JOB written before it was recorded).
   */
  public String abortReason() {
    return abortReason;
  }

  /** This record in {@code Abort} for {@code reason} (one line, never a secret). */
  public JobRecord withAbort(String reason) {
    Copy c = new Copy();
    c.state = JobState.Abort;
    c.abortReason = oneLine(reason);
    return c.build();
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof JobRecord)) {
      return false;
    }
    JobRecord r = (JobRecord) o;
    return r.name.equals(name)
        && r.state == state
        && r.scanFinished == scanFinished
        && r.round == round
        && r.configDigest.equals(configDigest)
        && r.counters.equals(counters)
        && r.submitTime.equals(submitTime)
        && Objects.equals(r.startTime, startTime)
        && Objects.equals(r.finishTime, finishTime)
        && r.countLedger.equals(countLedger)
        && Objects.equals(r.schedule, schedule)
        && r.abortReason.equals(abortReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, state, scanFinished, round, configDigest, counters, submitTime);
  }

  @Override
  public String toString() {
    return JobRecordFile.format(this);
  }

  /**
   * The one copy path of the {@code with...} methods: an inner object that starts as what this
   * record holds, has one or two of its fields changed, then makes a new record through the
   * validating constructor. Name, configuration digest and submit time never change in a copy.
   */
  private final class Copy {
    private JobState state = JobRecord.this.state;
    private boolean scanFinished = JobRecord.this.scanFinished;
    private int round = JobRecord.this.round;
    private JobCounters counters = JobRecord.this.counters;
    private Instant startTime = JobRecord.this.startTime;
    private Instant finishTime = JobRecord.this.finishTime;
    private String countLedger = JobRecord.this.countLedger;
    private RoundSchedule schedule = JobRecord.this.schedule;
    private String abortReason = JobRecord.this.abortReason;

    JobRecord build() {
      return new JobRecord(
          name,
          state,
          scanFinished,
          round,
          configDigest,
          counters,
          submitTime,
          startTime,
          finishTime,
          countLedger,
          schedule,
          abortReason);
    }
  }
}
