package io.ossimport.core.jobtree;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an incremental job stands in its cycle of scan rounds, kept in the {@code JOB} record so
 * that a restart carries on with the same round and the same time for the next one: when the
 * current round's listing began, which objects it puts into tasks (those modified at or after
 * {@link #modifiedSince()}), and, once its listing has ended, when the next round begins.
 *
 * <p>A job that is not incremental has no schedule ({@link JobRecord#schedule()} is {@code null}).
 */
public final class RoundSchedule {
  private final Instant started;
  private final Instant modifiedSince;
  private final Instant nextRound;

  /**
   * @param started when the current round's listing began
   * @param modifiedSince only objects modified at or after this go into tasks; {@code null} = all
   * @param nextRound when the next round begins, once the current listing has ended; else {@code
   *     null}
   */
  public RoundSchedule(Instant started, Instant modifiedSince, Instant nextRound) {
    this.started = Objects.requireNonNull(started, "started");
    this.modifiedSince = modifiedSince;
    this.nextRound = nextRound;
  }

  /** When the current round's listing began (a resumed listing keeps the first start). */
  public Instant started() {
    return started;
  }

  /** The mtime filter of the current round, or {@code null} when every object is tasked. */
  public Instant modifiedSince() {
    return modifiedSince;
  }

  /** When the next round begins, or {@code null} while the current round is still listing. */
  public Instant nextRound() {
    return nextRound;
  }

  /** Whether the current round's listing has ended. */
  public boolean listingEnded() {
    return nextRound != null;
  }

  /** This schedule once the current round's listing has ended. */
  public RoundSchedule withNextRound(Instant time) {
    return new RoundSchedule(started, modifiedSince, Objects.requireNonNull(time, "time"));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RoundSchedule)) {
      return false;
    }
    RoundSchedule s = (RoundSchedule) o;
    return s.started.equals(started)
        && Objects.equals(s.modifiedSince, modifiedSince)
        && Objects.equals(s.nextRound, nextRound);
  }

  @Override
  public int hashCode() {
    return Objects.hash(started, modifiedSince, nextRound);
  }

  @Override
  public String toString() {
    return "round started " + started + ", since " + modifiedSince + ", next " + nextRound;
  }
}
