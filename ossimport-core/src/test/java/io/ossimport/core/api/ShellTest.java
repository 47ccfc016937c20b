package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell the Maven and Ant front ends share: every failure classified and worded once, the
 * summaries and events on the front end's log at their levels.
 */
class ShellTest {
  private static final RemedyWords WORDS =
      RemedyWords.builder()
          .cleanJob("CLEAN[ {job}]")
          .stopService("STOP")
          .retryAndStart("RETRY and START")
          .startAgain("START AGAIN")
          .build();

  @TempDir Path work;
  private final List<String> lines = new ArrayList<String>();
  private final Shell.Log log = (level, line) -> lines.add(level + " " + line);

  private Shell shell() {
    return new Shell(null, work, Collections.emptyMap(), SuppliedCredentials.none(), WORDS, log);
  }

  @Test
  void aCallRunsOnTheWorkingDirectoryGiven() throws Exception {
    assertEquals(work.toAbsolutePath(), shell().run(OssImport::workingDir).toAbsolutePath());
  }

  @Test
  void whatTheUserMustChangeIsRefusedWithTheFrontEndsAdvice() {
    Shell.Failure conflict =
        failure(
            o -> {
              throw new JobConflictException("job1", "Job job1 exists.", Remedy.CLEAN_JOB);
            });
    assertEquals(Shell.Failure.Kind.REFUSED, conflict.kind());
    assertEquals("Job job1 exists; CLEAN job1.", conflict.getMessage());
    assertTrue(conflict.getCause() instanceof JobConflictException);

    Shell.Failure running =
        failure(
            o -> {
              throw new ServiceRunningException("The service runs.", work.resolve("lock"), 42);
            });
    assertEquals(Shell.Failure.Kind.REFUSED, running.kind());
    assertTrue(running.getMessage().startsWith("The service runs"), running.getMessage());
  }

  @Test
  void troubleWhileRunningKeepsItsCauseAndTheInterrupt() {
    OssImportException broken = new OssImportException("The disk is full.", Remedy.START_AGAIN);
    Shell.Failure trouble =
        failure(
            o -> {
              throw broken;
            });
    assertEquals(Shell.Failure.Kind.TROUBLE, trouble.kind());
    assertEquals("The disk is full; START AGAIN.", trouble.getMessage());
    assertSame(broken, trouble.getCause());

    Shell.Failure unexpected =
        failure(
            o -> {
              throw new IllegalStateException("bug");
            });
    assertEquals(
        "ossimport failed unexpectedly: java.lang.IllegalStateException: bug",
        unexpected.getMessage());

    Shell.Failure interrupted =
        failure(
            o -> {
              throw new InterruptedException();
            });
    assertTrue(Thread.interrupted(), "the interrupt is kept");
    assertEquals("Interrupted; the job's progress is kept on disk.", interrupted.getMessage());
  }

  @Test
  void aRejectedConfigurationLogsItsWarningsFirst() throws Exception {
    Path sys =
        Files.write(
            work.resolve("sys.properties"),
            "slaveUserName=root\nworkerMaxThroughput(KB/s)=-5\n".getBytes("UTF-8"));
    Shell shell =
        new Shell(sys, work, Collections.emptyMap(), SuppliedCredentials.none(), WORDS, log);

    Shell.Failure failure =
        assertThrows(Shell.Failure.class, () -> shell.run(OssImport::workingDir));

    assertEquals(Shell.Failure.Kind.REFUSED, failure.kind());
    assertTrue(
        failure.getMessage().contains("workerMaxThroughput(KB/s)='-5'"), failure.getMessage());
    assertTrue(failure.getCause() instanceof ConfigurationException);
    assertEquals(1, lines.size(), "" + lines);
    assertTrue(
        lines.get(0).startsWith("WARN " + sys + ":1: slaveUserName: deprecated"), lines.get(0));
  }

  @Test
  void aDeadlineTheUserChoseIsRefusedAStopThatTimedOutIsTrouble() {
    JobStatus running = JobStatus.builder("job1", JobState.Running).build();
    ServiceOutcome late =
        new ServiceOutcome(
            ServiceOutcome.Kind.DEADLINE_PASSED, -1, Collections.singletonList(running), null, 5);
    ServiceOutcome stuck =
        new ServiceOutcome(
            ServiceOutcome.Kind.STOP_TIMED_OUT, 42, Collections.<JobStatus>emptyList(), null, 5);
    ServiceOutcome ended =
        new ServiceOutcome(
            ServiceOutcome.Kind.JOBS_ENDED, -1, Collections.<JobStatus>emptyList(), null, 5);

    assertEquals(Shell.Failure.Kind.REFUSED, shell().failureOf(late).kind());
    assertEquals(Shell.Failure.Kind.TROUBLE, shell().failureOf(stuck).kind());
    assertEquals(
        "The ossimport service (pid 42) did not stop within 5 s; end it with: kill 42.",
        shell().failureOf(stuck).getMessage());
    assertNull(shell().failureOf(ended));
  }

  @Test
  void aSummaryIsLoggedAsWarningsWhenTasksFailedAndFailsTheFrontEnd() {
    JobStatus failed = JobStatus.builder("job1", JobState.Failed).tasks(0, 0, 0, 1, 2).build();

    Shell.Failure failure = shell().summarize(failed, work);

    assertEquals(Shell.Failure.Kind.FAILED_TASKS, failure.kind());
    assertTrue(failure.getMessage().endsWith("then run RETRY and START."), failure.getMessage());
    assertTrue(!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("WARN ")), "" + lines);
  }

  @Test
  void anAbortIsTroubleASuccessFailsNothing() {
    JobStatus aborted = JobStatus.builder("job1", JobState.Abort).abortReason("gone").build();
    JobStatus done = JobStatus.builder("job1", JobState.Succeed).build();

    assertEquals(Shell.Failure.Kind.TROUBLE, shell().summarize(aborted, work).kind());
    lines.clear();
    assertNull(shell().summarize(done, work));
    assertTrue(!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("INFO ")), "" + lines);
  }

  @Test
  void eventsGoToTheirLevelWithTheirJobAndRemedy() {
    List<String> error = new ArrayList<String>();
    List<String> debug = new ArrayList<String>();
    Shell.Log levels = Shell.Log.of(error::add, lines::add, lines::add, debug::add);
    ImportListener listener = Shell.listener(WORDS, levels);

    listener.onEvent(
        ImportEvent.log(
            ImportEvent.Level.ERROR, "job1", "job Abort: gone", Remedy.RETRY_AND_START));
    listener.onEvent(ImportEvent.log(ImportEvent.Level.DEBUG, null, "a detail"));

    assertEquals(
        Collections.singletonList(
            "job1: job Abort: gone; fix the cause, then run RETRY and START."),
        error);
    assertEquals(Collections.singletonList("a detail"), debug);
    assertTrue(lines.isEmpty(), "" + lines);
  }

  private Shell.Failure failure(Shell.Call<Object> call) {
    return assertThrows(Shell.Failure.class, () -> shell().run(call));
  }
}
