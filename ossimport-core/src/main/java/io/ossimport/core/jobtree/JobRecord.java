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
    return new JobRecord(
        name,
        newState,
        scanFinished,
        round,
        configDigest,
        counters,
        submitTime,
        startTime,
        finishTime,
        countLedger,
        schedule,
        newState == JobState.Abort ? abortReason : "");
  }

  public JobRecord withScanFinished(boolean finished) {
    return new JobRecord(
        name,
        state,
        finished,
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

  public JobRecord withRound(int newRound) {
    return new JobRecord(
        name,
        state,
        scanFinished,
        newRound,
        configDigest,
        counters,
        submitTime,
        startTime,
        finishTime,
        countLedger,
        schedule,
        abortReason);
  }

  public JobRecord withCounters(JobCounters newCounters) {
    return new JobRecord(
        name,
        state,
        scanFinished,
        round,
        configDigest,
        newCounters,
        submitTime,
        startTime,
        finishTime,
        countLedger,
        schedule,
        abortReason);
  }

  public JobRecord withStartTime(Instant time) {
    return new JobRecord(
        name,
        state,
        scanFinished,
        round,
        configDigest,
        counters,
        submitTime,
        time,
        finishTime,
        countLedger,
        schedule,
        abortReason);
  }

  public JobRecord withFinishTime(Instant time) {
    return new JobRecord(
        name,
        state,
        scanFinished,
        round,
        configDigest,
        counters,
        submitTime,
        startTime,
        time,
        countLedger,
        schedule,
        abortReason);
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
        ledger,
        schedule,
        abortReason);
  }

  /** The incremental schedule, or {@code null} for a job that is not incremental. */
  public RoundSchedule schedule() {
    return schedule;
  }

  /** This record with the incremental schedule replaced. */
  public JobRecord withSchedule(RoundSchedule newSchedule) {
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
        newSchedule,
        abortReason);
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
    return new JobRecord(
        name,
        JobState.Abort,
        scanFinished,
        round,
        configDigest,
        counters,
        submitTime,
        startTime,
        finishTime,
        countLedger,
        schedule,
        oneLine(reason));
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
}
