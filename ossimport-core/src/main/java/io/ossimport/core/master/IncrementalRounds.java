package io.ossimport.core.master;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.RoundSchedule;
import java.io.IOException;
import java.time.Instant;

/**
 * The cycle of an incremental job ({@code isIncremental=true}), as the original ran it: a full pass
 * (round 0), then every {@code incrementalModeInterval} seconds, counted from the start of the
 * previous round's listing, a new round that lists the whole source again and puts into tasks only
 * the objects modified at or after that start (less {@link #MTIME_SLACK_MILLIS}). The job never
 * ends: its scan is never finished and it stays in the queue. Deletes are not propagated, and a
 * file whose old mtime is kept ({@code mv}, {@code cp -a}, {@code rsync -t}) is not seen as
 * changed.
 *
 * <p>The schedule lives in the JOB record ({@link RoundSchedule}), each round's checkpoints in
 * {@code checkpoints/<round>/}, so a restart resumes a round's listing where it died and keeps the
 * time of the next round.
 */
final class IncrementalRounds {
  /**
   * Test-only: a system property that replaces every incremental job's interval (seconds), so that
   * tests can run several rounds in seconds. Never documented for users, who get at least 900 s
   * through the configuration rules.
   */
  static final String TEST_INTERVAL_PROPERTY = "ossimport.test.incrementalIntervalSeconds";

  /**
   * How much earlier than the previous round's start an mtime still counts as new: file systems
   * store mtimes with a granularity of up to 2 s (FAT) and a file written in the same second as the
   * listing began must not be missed. Objects in that window may be sent twice; none is missed.
   */
  static final long MTIME_SLACK_MILLIS = 2000;

  private IncrementalRounds() {}

  /** Seconds between the starts of two rounds of {@code config}'s job. */
  static long intervalSeconds(JobConfig config) {
    Long test = Long.getLong(TEST_INTERVAL_PROPERTY);
    return test != null && test > 0 ? test : config.incrementalModeIntervalSeconds();
  }

  /** Whether the job's current round has listed everything and the next is not due yet. */
  static boolean waiting(JobRecord record, Instant now) {
    RoundSchedule s = record.schedule();
    return s != null && s.listingEnded() && now.isBefore(s.nextRound());
  }

  /**
   * The record to list with: the first round is given its start time, a round whose listing ended
   * and whose time has come is followed by the next one, a round still listing (after a stop or a
   * crash) is resumed as it is. Each change is one atomic JOB write.
   */
  static JobRecord beforeListing(JobTree tree, String job, JobRecord record, final Instant now)
      throws IOException {
    RoundSchedule s = record.schedule();
    if (s == null) {
      return tree.updateJob(job, r -> r.withSchedule(new RoundSchedule(now, null, null)));
    }
    if (!s.listingEnded()) {
      return record;
    }
    final Instant since = s.started().minusMillis(MTIME_SLACK_MILLIS);
    return tree.updateJob(
        job, r -> r.withRound(r.round() + 1).withSchedule(new RoundSchedule(now, since, null)));
  }

  /**
   * The round's listing has ended (its closing checkpoint is stored): the next round is scheduled
   * one interval after this one began, and the checkpoints of the rounds before it are dropped.
   */
  static JobRecord afterListing(JobTree tree, String job, JobConfig config) throws IOException {
    final long intervalMillis = intervalSeconds(config) * 1000;
    JobRecord record =
        tree.updateJob(
            job,
            r ->
                r.withSchedule(
                    r.schedule().withNextRound(r.schedule().started().plusMillis(intervalMillis))));
    tree.checkpoints(job).dropRoundsBefore(record.round());
    return record;
  }
}
