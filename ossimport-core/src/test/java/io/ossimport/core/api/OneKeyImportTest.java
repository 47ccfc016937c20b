package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.api.OneKeyImport.ExistingJob;
import io.ossimport.core.api.OneKeyImport.JobEnd;
import io.ossimport.core.api.OneKeyImport.Outcome;
import io.ossimport.core.api.OneKeyImport.Submitted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of the one-key import: which step follows which outcome, when the user is asked and
 * what an answer (or none) means. The steps and answers are scripted; the log records the order in
 * which the flow took them.
 */
class OneKeyImportTest {
  private final Deque<Submitted> submits = new ArrayDeque<Submitted>();
  private final Deque<JobEnd> ends = new ArrayDeque<JobEnd>();
  private final Deque<Object> answers = new ArrayDeque<Object>();
  private final List<String> log = new ArrayList<String>();
  private boolean cleanWorks = true;
  private boolean startWorks = true;

  @Test
  void aNewJobIsSubmittedStartedFollowedAndTheServiceStoppedWhenTheUserAgrees() {
    submits.add(Submitted.DONE);
    ends.add(JobEnd.SUCCEEDED);
    answers.add(true);

    assertRun(
        Outcome.SUCCEEDED, flow(null, null, null), "submit, start, follow, ask stop, stop service");
  }

  @Test
  void anExistingJobIsResumedWhenTheUserSaysSo() {
    submits.add(Submitted.JOB_EXISTS);
    ends.add(JobEnd.SUCCEEDED);
    answers.add(ExistingJob.RESUME);
    answers.add(false);

    assertRun(
        Outcome.SUCCEEDED,
        flow(null, null, null),
        "submit, ask existing, resume, start, follow, ask stop, leave running");
  }

  @Test
  void aRestartCleansAndSubmitsAgainAndASecondRefusalResumesWithoutAsking() {
    submits.add(Submitted.JOB_EXISTS);
    submits.add(Submitted.JOB_EXISTS);
    ends.add(JobEnd.SUCCEEDED);

    assertRun(
        Outcome.SUCCEEDED,
        flow(ExistingJob.RESTART, null, true),
        "submit, stop and clean, submit, resume, start, follow, stop service");
  }

  @Test
  void noAnswerToTheExistingJobQuitsBeforeAnythingStarts() {
    submits.add(Submitted.JOB_EXISTS);
    answers.add(ExistingJob.QUIT);

    assertRun(Outcome.CANCELLED, flow(null, null, null), "submit, ask existing");
  }

  @Test
  void aFailedSubmitCleanOrStartEndsTheFlowThere() {
    submits.add(Submitted.FAILED);
    assertRun(Outcome.STEP_FAILED, flow(null, null, null), "submit");

    submits.add(Submitted.JOB_EXISTS);
    cleanWorks = false;
    assertRun(Outcome.STEP_FAILED, flow(ExistingJob.RESTART, null, null), "submit, stop and clean");

    submits.add(Submitted.DONE);
    startWorks = false;
    assertRun(Outcome.STEP_FAILED, flow(null, null, null), "submit, start");
  }

  @Test
  void failedTasksAreRetriedWithinTheBudgetWithoutAskingThenTheFlowEndsWithThem() {
    submits.add(Submitted.DONE);
    ends.addAll(Arrays.asList(JobEnd.FAILED_TASKS, JobEnd.FAILED_TASKS, JobEnd.FAILED_TASKS));

    assertRun(
        Outcome.FAILED_TASKS,
        flow(null, 2, null),
        "submit, start, follow, retry, follow, retry, follow, leave running");
  }

  @Test
  void withoutABudgetEachRetryIsAskedAndANoEndsWithTheFailedTasks() {
    submits.add(Submitted.DONE);
    ends.addAll(Arrays.asList(JobEnd.FAILED_TASKS, JobEnd.FAILED_TASKS));
    answers.add(true);
    answers.add(false);

    assertRun(
        Outcome.FAILED_TASKS,
        flow(null, null, null),
        "submit, start, follow, ask retry, retry, follow, ask retry, leave running");
  }

  @Test
  void anAbortEndsTheFlowAndOnlyAnExplicitStopStopsTheService() {
    submits.add(Submitted.DONE);
    ends.add(JobEnd.ABORTED);
    assertRun(Outcome.ABORTED, flow(null, null, null), "submit, start, follow, leave running");

    submits.add(Submitted.DONE);
    ends.add(JobEnd.ABORTED);
    assertRun(Outcome.ABORTED, flow(null, null, true), "submit, start, follow, stop service");
  }

  @Test
  void aServiceThatStoppedOrAFollowThatFailedEndsTheFlowWithoutTheStopStep() {
    submits.add(Submitted.DONE);
    ends.add(JobEnd.SERVICE_GONE);
    assertRun(Outcome.SERVICE_GONE, flow(null, null, true), "submit, start, follow");

    submits.add(Submitted.DONE);
    ends.add(JobEnd.FAILED);
    assertRun(Outcome.STEP_FAILED, flow(null, null, true), "submit, start, follow");
  }

  /** Runs {@code flow}, expects {@code outcome} after exactly {@code steps}, forgets them. */
  private void assertRun(Outcome outcome, OneKeyImport flow, String steps) {
    assertEquals(outcome, flow.run());
    assertEquals(steps, String.join(", ", log));
    log.clear();
  }

  private OneKeyImport flow(ExistingJob existing, Integer retries, Boolean stop) {
    return new OneKeyImport(new ScriptedSteps(), new ScriptedAnswers(), existing, retries, stop);
  }

  private final class ScriptedSteps implements OneKeyImport.Steps {
    @Override
    public Submitted submit() {
      log.add("submit");
      return submits.remove();
    }

    @Override
    public void resume() {
      log.add("resume");
    }

    @Override
    public boolean stopAndClean() {
      log.add("stop and clean");
      return cleanWorks;
    }

    @Override
    public boolean startService() {
      log.add("start");
      return startWorks;
    }

    @Override
    public JobEnd follow() {
      log.add("follow");
      return ends.remove();
    }

    @Override
    public void retry() {
      log.add("retry");
    }

    @Override
    public void stopService() {
      log.add("stop service");
    }

    @Override
    public void leaveServiceRunning() {
      log.add("leave running");
    }
  }

  private final class ScriptedAnswers implements OneKeyImport.Questions {
    @Override
    public ExistingJob whatOfExistingJob() {
      log.add("ask existing");
      return (ExistingJob) answers.remove();
    }

    @Override
    public boolean retryFailedTasks() {
      log.add("ask retry");
      return (Boolean) answers.remove();
    }

    @Override
    public boolean stopServiceAtEnd() {
      log.add("ask stop");
      return (Boolean) answers.remove();
    }
  }
}
