package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import org.junit.jupiter.api.Test;

class JobFollowerTest {
  private static JobStatus job(JobState state, long pending, long dispatched) {
    return JobStatus.builder("j", state).tasks(pending, dispatched, 0, 1, 1).build();
  }

  @Test
  void aJobHasEndedOnceItLeavesRunning() {
    assertFalse(JobFollower.hasEnded(job(JobState.Running, 0, 0)));
    assertTrue(JobFollower.hasEnded(job(JobState.Succeed, 0, 0)));
    assertTrue(JobFollower.hasEnded(job(JobState.Failed, 0, 0)));
    assertTrue(JobFollower.hasEnded(job(JobState.Abort, 0, 0)));
  }

  @Test
  void aFailedJobWhoseTasksWereRetriedIsStillGoing() {
    assertFalse(JobFollower.hasEnded(job(JobState.Failed, 1, 0)), "retried, not yet picked up");
    assertFalse(JobFollower.hasEnded(job(JobState.Failed, 0, 1)), "retried and dispatched");
  }
}
