package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The core's messages leave the commands to the front end: an abort, failed tasks and an event with
 * a remedy read with the front end's words, and only with them.
 */
class RemedyWordsTest {
  @Test
  void anAbortNamesItsCauseAndTheFrontEndsRetryAndStart() {
    JobStatus aborted =
        JobStatus.builder("job1", JobState.Abort).abortReason("the destination failed").build();

    assertEquals(
        "Job job1 was aborted: the destination failed. Fix the cause, then run RETRY job1 and"
            + " START: the objects already done are kept.",
        JobReport.failureOf(aborted, PlainWords.WORDS));
  }

  @Test
  void failedTasksNameTheFrontEndsCredentialOriginWhenItHasOne() {
    JobStatus failed = JobStatus.builder("job1", JobState.Failed).tasks(0, 0, 0, 1, 2).build();

    assertEquals(
        "Job job1 has 2 failed task(s); fix the cause (a credential error: the AccessKey comes"
            + " from the job file or the environment, and is read there again at each start),"
            + " then run RETRY job1 and START.",
        JobReport.failureOf(failed, PlainWords.WORDS));
    RemedyWords withServer =
        RemedyWords.builder()
            .retryAndStart("RETRY[ {job}] and START")
            .credentialOrigin("the server")
            .build();
    assertEquals(
        true,
        withServer
            .failedTasksMessage(failed)
            .contains("from the job file, the environment or the server, and is read"));
  }

  @Test
  void aJobThatSucceededOrStillRunsFailsNothing() {
    assertNull(
        JobReport.failureOf(JobStatus.builder("job1", JobState.Succeed).build(), PlainWords.WORDS));
    assertNull(
        JobReport.failureOf(
            JobStatus.builder("job1", JobState.Running).tasks(0, 0, 0, 0, 1).build(),
            PlainWords.WORDS));
  }

  @Test
  void anEventWithARemedyEndsWithTheFrontEndsAdvice() {
    ImportEvent abort =
        ImportEvent.log(
            ImportEvent.Level.ERROR,
            "job1",
            "job Abort: the source is gone",
            Remedy.RETRY_AND_START);
    ImportEvent plain = ImportEvent.log(ImportEvent.Level.INFO, "job1", "job Succeed.");

    assertEquals(
        "job Abort: the source is gone; fix the cause, then run RETRY job1 and START.",
        PlainWords.WORDS.render(abort));
    assertEquals("job Succeed.", PlainWords.WORDS.render(plain));
  }

  @Test
  void aRemedyTheFrontEndDoesNotWordAddsNothing() {
    assertEquals(
        "no job of that name",
        PlainWords.WORDS.advise("no job of that name", Remedy.SUBMIT_JOB, "job1", -1));
    assertEquals(
        "the lock is held; fix the cause, then run retry and start.",
        RemedyWords.builder().build().advise("the lock is held", Remedy.RETRY_AND_START, null, -1));
  }

  @Test
  void theSummaryAdvisesTheFrontEndsCommandsOnly() {
    JobStatus failed = JobStatus.builder("job1", JobState.Failed).tasks(0, 0, 0, 0, 1).build();

    String summary =
        String.join("\n", JobReport.summary(failed, Paths.get("work"), PlainWords.WORDS));

    assertEquals(false, summary.contains("retry"), summary);
  }

  private static final RemedyWords BUILT =
      RemedyWords.builder()
          .cleanJob("run clean[ --job {job}] to remove it, or start to continue it")
          .retryAndStart("retry[ \"{job}\"] and start")
          .startAgain("start again")
          .build();

  @Test
  void theBuilderPutsTheJobIntoItsPartOfTheWords() {
    assertEquals(
        "job1 exists; run clean --job job1 to remove it, or start to continue it.",
        BUILT.advise("job1 exists.", Remedy.CLEAN_JOB, "job1", -1));
    assertEquals(
        "it failed; fix the cause, then run retry \"job1\" and start.",
        BUILT.advise("it failed", Remedy.RETRY_AND_START, "job1", -1));
    assertEquals("not done; start again.", BUILT.advise("not done", Remedy.START_AGAIN, "x", -1));
  }

  @Test
  void withoutAJobThePartNamingItIsLeftOutWhole() {
    assertEquals(
        "a job exists; run clean to remove it, or start to continue it.",
        BUILT.advise("a job exists", Remedy.CLEAN_JOB, null, -1));
    assertEquals(
        "it failed; fix the cause, then run retry and start.",
        BUILT.advise("it failed", Remedy.RETRY_AND_START, null, -1));
  }

  @Test
  void aRemedyTheBuilderLeftUnwordedAddsNoAdvice() {
    assertEquals("no such job", BUILT.advise("no such job", Remedy.SUBMIT_JOB, "job1", -1));
    assertEquals("held", BUILT.advise("held", Remedy.STOP_SERVICE, null, -1));
    assertEquals("late", BUILT.advise("late", Remedy.KILL_SERVICE, null, -1));
    assertEquals(
        "late; end it with: kill 42.", BUILT.advise("late", Remedy.KILL_SERVICE, null, 42));
  }

  @Test
  void aJobOutsideItsPartIsRefusedWhenBuilt() {
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> RemedyWords.builder().cleanJob("run clean {job}"));
    assertTrue(outside.getMessage().contains("CLEAN_JOB (run clean {job})"), outside.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RemedyWords.builder().retryAndStart("retry[ {job}] and [start]"));
  }
}
