package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobFollow.End;
import io.ossimport.core.api.JobFollow.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of following a job: when a report is due, when the job counts as ended, when the
 * service counts as gone and how long failing reads are borne. The time is a fake clock that the
 * follow's own sleeps advance; the job and its service are scripted over that time; the log records
 * each report as {@code time:state} (with {@code !} for the ending one).
 */
class JobFollowTest {
  private static final long INTERVAL = 1000;

  private long now = 100000;
  private final long start = now;

  /** The job's state: Running until {@link #endsAt}, then {@link #endState}. */
  private long endsAt = Long.MAX_VALUE;

  /** Or the job ends at this full snapshot, whatever the time (it ends between two reads). */
  private int endsAtSnapshot = Integer.MAX_VALUE;

  private JobState endState = JobState.Succeed;
  private long pendingAfterEnd;

  /** The service runs from {@link #serviceFrom} until {@link #serviceUntil}. */
  private long serviceFrom = Long.MIN_VALUE;

  private long serviceUntil = Long.MAX_VALUE;

  /** Reads fail from {@link #failFrom} until {@link #failUntil}. */
  private long failFrom = Long.MAX_VALUE;

  private long failUntil = Long.MAX_VALUE;
  private boolean jobCleaned;
  private int snapshots;
  private int failedReads;
  private final List<String> log = new ArrayList<String>();

  private final JobFollow.Clock clock =
      new JobFollow.Clock() {
        @Override
        public long nowMillis() {
          return now;
        }

        @Override
        public void sleep(long millis) {
          assertTrue(millis >= 1 && millis <= JobFollow.TICK_MILLIS, "sleeps " + millis);
          now += millis;
        }
      };

  private final JobFollow.Source source =
      new JobFollow.Source() {
        @Override
        public JobState state() throws OssImportException {
          read();
          return over() ? endState : JobState.Running;
        }

        @Override
        public JobStatus stat() throws OssImportException {
          read();
          snapshots++;
          boolean over = over();
          return JobStatus.builder("j", over ? endState : JobState.Running)
              .tasks(over ? pendingAfterEnd : 1, 0, 0, 1, 0)
              .build();
        }

        @Override
        public boolean serviceRunning() {
          return now >= serviceFrom && now < serviceUntil;
        }

        private boolean over() {
          return now >= endsAt || snapshots >= endsAtSnapshot;
        }

        private void read() throws OssImportException {
          if (jobCleaned) {
            throw new JobConflictException("j", "no job j");
          }
          if (now >= failFrom && now < failUntil) {
            failedReads++;
            throw new OssImportException("unlucky read");
          }
        }
      };

  private Result follow(long serviceStartMillis) throws Exception {
    return new JobFollow(
            source,
            clock,
            INTERVAL,
            serviceStartMillis,
            (status, ended) -> log.add((now - start) + ":" + status.state() + (ended ? "!" : "")))
        .follow();
  }

  @Test
  void reportsEveryIntervalAndTheEndWithinATickWithoutReadingTheTasksBetweenReports()
      throws Exception {
    endsAt = start + 2600;

    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.SUCCEEDED, result.end());
    assertEquals(JobState.Succeed, result.last().state());
    assertEquals("[0:Running, 1000:Running, 2000:Running, 2750:Succeed!]", log.toString());
    assertEquals(4, snapshots, "a full snapshot only for each report");
  }

  @Test
  void aJobThatHasEndedAlreadyIsReportedOnce() throws Exception {
    endsAt = start;
    endState = JobState.Abort;

    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.ABORTED, result.end());
    assertEquals("[0:Abort!]", log.toString());
  }

  @Test
  void aFailedJobWithRetriedTasksIsStillGoingUntilTheyAreTakenUp() throws Exception {
    endsAt = start + 500;
    endState = JobState.Failed;
    pendingAfterEnd = 1;

    // the retried tasks are never taken up: the service then goes, and the follow says so
    serviceUntil = start + 3000;
    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.SERVICE_GONE, result.end());
    assertEquals(JobState.Failed, result.last().state());
    assertEquals(
        "[0:Running, 1000:Failed, 2000:Failed, 3000:Failed, 4000:Failed, 4000:Failed]",
        log.toString());
  }

  @Test
  void aFailedJobEndsTheFollowWithFailedTasks() throws Exception {
    endsAt = start + 1200;
    endState = JobState.Failed;

    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.FAILED_TASKS, result.end());
    assertEquals("[0:Running, 1000:Running, 1250:Failed!]", log.toString());
  }

  @Test
  void aServiceThatStopsEndsTheFollowAfterTwoChecksWithoutIt() throws Exception {
    serviceUntil = start + 2500;

    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.SERVICE_GONE, result.end());
    assertEquals(JobState.Running, result.last().state());
    // checks at 3000 and 4000 find no service; the last report is taken then
    assertEquals(
        "[0:Running, 1000:Running, 2000:Running, 3000:Running, 4000:Running, 4000:Running]",
        log.toString());
  }

  @Test
  void aJobThatEndedAsItsServiceStoppedEndsAsTheJob() throws Exception {
    serviceUntil = start + 1500;
    endsAtSnapshot = 5; // the last look, after the checks at 2000 and 3000 found no service

    Result result = follow(JobFollow.SERVICE_START_MILLIS);

    assertEquals(End.SUCCEEDED, result.end());
    assertEquals(
        "[0:Running, 1000:Running, 2000:Running, 3000:Running, 3000:Succeed!]", log.toString());
  }

  @Test
  void aServiceHasItsStartTimeToAppearAndThenCountsAsPresent() throws Exception {
    serviceFrom = start + 4500;
    endsAt = start + 8000;

    assertEquals(End.SUCCEEDED, follow(5000).end());
  }

  @Test
  void noServiceWithinItsStartTimeEndsTheFollow() throws Exception {
    serviceFrom = Long.MAX_VALUE;

    Result result = follow(5000);

    assertEquals(End.SERVICE_GONE, result.end());
    assertEquals(start + 5000, now, "the check at the start time finds none");
  }

  @Test
  void readsMayFailForAWhileButNotForTooLong() throws Exception {
    failFrom = start + 500;
    failUntil = start + 500 + JobFollow.READ_PATIENCE_MILLIS - 1000;
    endsAt = failUntil + 100;

    assertEquals(End.SUCCEEDED, follow(JobFollow.SERVICE_START_MILLIS).end());

    log.clear();
    now = start;
    failUntil = Long.MAX_VALUE;
    OssImportException e =
        assertThrows(OssImportException.class, () -> follow(JobFollow.SERVICE_START_MILLIS));
    assertEquals("unlucky read", e.getMessage());
    assertTrue(now - failFrom >= JobFollow.READ_PATIENCE_MILLIS, "failed reads borne first");
  }

  @Test
  void failingReadsAreTriedAgainOnceATickNotInATightLoop() throws Exception {
    failFrom = start + 500;

    assertThrows(OssImportException.class, () -> follow(JobFollow.SERVICE_START_MILLIS));

    long ticks = JobFollow.READ_PATIENCE_MILLIS / JobFollow.TICK_MILLIS;
    assertTrue(failedReads <= ticks + 2, failedReads + " failed reads in " + ticks + " ticks");
  }

  @Test
  void aCleanedJobEndsTheFollowAtOnce() {
    jobCleaned = true;

    JobConflictException e =
        assertThrows(JobConflictException.class, () -> follow(JobFollow.SERVICE_START_MILLIS));
    assertEquals("no job j", e.getMessage());
    assertEquals(0, log.size());
    assertEquals(start, now, "no patience for a job that is gone");
  }

  @Test
  void aJobHasEndedOnceItLeavesRunning() {
    assertFalse(JobFollow.hasEnded(job(JobState.Running, 0, 0)));
    assertTrue(JobFollow.hasEnded(job(JobState.Succeed, 0, 0)));
    assertTrue(JobFollow.hasEnded(job(JobState.Failed, 0, 0)));
    assertTrue(JobFollow.hasEnded(job(JobState.Abort, 0, 0)));
  }

  @Test
  void aFailedJobWhoseTasksWereRetriedIsStillGoing() {
    assertFalse(JobFollow.hasEnded(job(JobState.Failed, 1, 0)), "retried, not yet picked up");
    assertFalse(JobFollow.hasEnded(job(JobState.Failed, 0, 1)), "retried and dispatched");
  }

  @Test
  void theLastSnapshotIsTheOneReported() throws Exception {
    endsAt = start;
    JobStatus[] reported = new JobStatus[1];
    Result result =
        new JobFollow(source, clock, INTERVAL, 5000, (status, ended) -> reported[0] = status)
            .follow();
    assertSame(reported[0], result.last());
  }

  private static JobStatus job(JobState state, long pending, long dispatched) {
    return JobStatus.builder("j", state).tasks(pending, dispatched, 0, 1, 1).build();
  }
}
