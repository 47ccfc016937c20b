package io.ossimport.core.jobtree;

import static io.ossimport.core.jobtree.JobTrees.CONFIG;
import static io.ossimport.core.jobtree.JobTrees.JOB;
import static io.ossimport.core.jobtree.JobTrees.allTasks;
import static io.ossimport.core.jobtree.JobTrees.entries;
import static io.ossimport.core.jobtree.JobTrees.objectStates;
import static io.ossimport.core.jobtree.JobTrees.objects;
import static io.ossimport.core.jobtree.JobTrees.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash is simulated by running a transition's steps up to a point and then recovering, as the
 * next service start does. After recovery no task may be lost or duplicated and no leftover may
 * remain.
 */
class CrashRecoveryTest {
  private static final String WORKER = "localhost";

  @TempDir Path workingDir;
  JobTree tree;
  TaskTransitions steps;

  @BeforeEach
  void submit() throws IOException {
    tree = new JobTree(workingDir);
    tree.submit(JOB, CONFIG);
    steps = tree.transitions();
  }

  @ParameterizedTest(name = "crash after {0} of 4 steps of a successful complete")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void completeSucceededSurvivesACrashAfterAnyStep(int done) throws IOException {
    crashDuringComplete(done, TaskOutcome.completed(), TaskState.SUCCEED);
  }

  @ParameterizedTest(name = "crash after {0} of 4 steps of a failed complete")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void completeFailedSurvivesACrashAfterAnyStep(int done) throws IOException {
    crashDuringComplete(
        done,
        TaskOutcome.failed(Arrays.asList(new ErrorEntry(ReasonCode.NETWORK, "f1", "dest/f1"))),
        TaskState.FAILED);
  }

  private void crashDuringComplete(int done, TaskOutcome outcome, TaskState finalState)
      throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 3));
    tree.dispatch(JOB, id, WORKER);
    try (ProgressLog progress = tree.workerFiles(JOB, id).openProgressLog()) {
      progress.begin(0);
      progress.done(0, 1L, "etag");
    }
    if (done >= 1) {
      Path staged = steps.stageFinal(JOB, id, WORKER, outcome);
      if (done >= 2) {
        steps.commitFinal(staged, tree.layout().finalTask(JOB, id, WORKER, outcome.status()));
      }
    }
    if (done >= 3) {
      steps.removeDispatched(JOB, id, WORKER);
    }
    if (done >= 4) {
      steps.removeWorkerDir(JOB, id);
    }

    tree.recoverAll();

    TaskState expected = done >= 2 ? finalState : TaskState.PENDING;
    assertEquals(Arrays.asList(expected), states(allTasks(tree, JOB)));
    assertEveryObjectOnceIn(expected, 3);
    assertEquals(done < 2, tree.workerFiles(JOB, id).exists(), "worker progress kept for resume");
    if (done < 2) {
      assertEquals(
          RecordedProgress.EntryState.DONE,
          tree.workerFiles(JOB, id).readProgress().entry(0).state());
    }
    assertNoLeftovers();
  }

  @Test
  void aDispatchedTaskReturnsToPendingWithItsWorkerProgress() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 2));
    tree.dispatch(JOB, id, WORKER);
    try (ProgressLog progress = tree.workerFiles(JOB, id).openProgressLog()) {
      progress.begin(1);
    }
    Files.createDirectory(
        workingDir.resolve("master/jobs/" + JOB + "/dispatched/" + WORKER + "/.trash-x"));

    RecoveryReport report = tree.recover(JOB);

    assertEquals(1, report.requeuedTasks());
    assertEquals(Arrays.asList(TaskState.PENDING), states(allTasks(tree, JOB)));
    assertEquals(
        RecordedProgress.EntryState.BEGUN,
        tree.workerFiles(JOB, id).readProgress().entry(1).state());
    assertNoLeftovers();
    tree.dispatch(JOB, id, WORKER); // it can be dispatched again
  }

  @Test
  void recoveryOfAPendingTaskChangesNothing() throws IOException {
    tree.addTask(JOB, objects("f", 2));
    assertTrue(tree.recover(JOB).isClean());
    assertEveryObjectOnceIn(TaskState.PENDING, 2);
  }

  @ParameterizedTest(name = "crash after {0} of 3 steps of retry")
  @ValueSource(ints = {0, 1, 2, 3})
  void retrySurvivesACrashAfterAnyStep(int done) throws IOException {
    TaskRef failed = failedTaskWithOneFailedObjectOfThree();
    if (done == 0) {
      NewTask abandoned = tree.newTask(JOB); // the redo half written when the process died
      abandoned.add(new TaskEntry("f1", "dest/f1", 101, 1_600_000_000_001L, 2));
    } else {
      TaskId redo = steps.commitRedo(JOB, failed, new long[1]);
      if (done >= 2) {
        steps.removeFailed(JOB, failed);
      }
      if (done >= 3) {
        steps.removeOriginMarker(JOB, redo);
      }
    }

    tree.recover(JOB);

    if (done == 0) {
      assertEquals(Arrays.asList(failed), allTasks(tree, JOB));
      tree.retry(JOB);
    }
    assertOneRedoOfF1();
    assertNoLeftovers();
  }

  @Test
  void aSecondRetryAfterACrashedOneDoesNotDuplicateTheRedo() throws IOException {
    TaskRef failed = failedTaskWithOneFailedObjectOfThree();
    steps.commitRedo(JOB, failed, new long[1]); // crash: the failed task is still there

    tree.retry(JOB);

    assertOneRedoOfF1();
  }

  @Test
  void completingARedoWhoseRetryCrashedRemovesTheFailedOriginal() throws IOException {
    TaskRef failed = failedTaskWithOneFailedObjectOfThree();
    TaskId redo = steps.commitRedo(JOB, failed, new long[1]); // crash; a running service goes on
    tree.dispatch(JOB, redo, WORKER);
    tree.complete(JOB, redo, WORKER, TaskOutcome.completed());

    assertEquals(Arrays.asList(new TaskRef(redo, TaskState.SUCCEED, WORKER)), allTasks(tree, JOB));
  }

  @ParameterizedTest(name = "crash after {0} of 3 renames of clean")
  @ValueSource(ints = {1, 2, 3})
  void cleanInterruptedAfterAnyRenameNeverLeavesAJobThatLooksValid(int renames) throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 1));
    tree.dispatch(JOB, id, WORKER);
    try (ProgressLog p = tree.workerFiles(JOB, id).openProgressLog()) {
      p.begin(0);
    }
    tree.clean(JOB, renames);

    assertFalse(tree.jobExists(JOB));
    tree.recoverAll();

    assertEquals(Collections.emptyList(), names("master/jobs"));
    assertEquals(Collections.emptyList(), names("master/jobqueue"));
    assertEquals(Collections.emptyList(), names("worker/jobs"));
    tree.submit(JOB, CONFIG);
  }

  @Test
  void aHalfCleanedJobIsRefusedBySubmitUntilCleanFinishesIt() throws IOException {
    tree.clean(JOB, 1); // only the job directory went
    JobExistsException e = assertThrows(JobExistsException.class, () -> tree.submit(JOB, CONFIG));
    assertTrue(e.getMessage().contains("cannot be submitted"), e.getMessage());
    assertTrue(tree.clean(JOB));
    tree.submit(JOB, CONFIG);
  }

  @ParameterizedTest(name = "crash after {0} of 3 steps of a checkpointed task commit")
  @ValueSource(ints = {NewTask.STAGED, NewTask.CHECKPOINTED, NewTask.ALL_STEPS})
  void aTaskAndItsCheckpointCommitTogether(int done) throws IOException {
    CheckpointStore checkpoints = tree.checkpoints(JOB);
    TaskId first;
    try (NewTask task = tree.newTask(JOB)) {
      for (TaskEntry e : objects("a", 2)) {
        task.add(e);
      }
      first = task.commit(checkpoints, Checkpoint.of(0, "after a", 1, 2, 201));
    }
    TaskId second;
    try (NewTask task = tree.newTask(JOB)) {
      for (TaskEntry e : objects("b", 2)) {
        task.add(e);
      }
      second = task.commit(checkpoints, Checkpoint.of(0, "after b", 2, 4, 402), done);
    }

    RecoveryReport report = tree.recover(JOB);

    boolean checkpointed = done >= NewTask.CHECKPOINTED;
    Checkpoint latest = checkpoints.latest(0).get();
    assertEquals(checkpointed ? second : first, latest.lastTaskId());
    assertEquals(checkpointed ? "after b" : "after a", latest.scannerState());
    List<TaskId> pending =
        tasks(tree, JOB, TaskState.PENDING).stream().map(TaskRef::id).collect(Collectors.toList());
    assertEquals(checkpointed ? 2 : 1, pending.size());
    assertTrue(pending.contains(first));
    assertEquals(checkpointed, pending.contains(second));
    assertEquals(done == NewTask.CHECKPOINTED ? 1 : 0, report.committedStagedTasks());
    assertEquals(done == NewTask.STAGED ? 1 : 0, report.discardedStagedTasks());
    assertNoLeftovers();
  }

  @Test
  void anInterruptedSubmitLeavesNoJobOrAJobThatRecoveryQueues() throws IOException {
    Files.createDirectory(workingDir.resolve("master/jobs/.tmp-other-1234"));
    Files.delete(workingDir.resolve("master/jobqueue/" + JOB)); // died before the queue entry
    assertTrue(names("master/jobqueue").isEmpty());

    tree.recoverAll();

    assertEquals(Arrays.asList(JOB), names("master/jobs"));
    assertEquals(Arrays.asList(JOB), names("master/jobqueue"));
  }

  @Test
  void aFinishedScanWhoseQueueEntryOutlivedACrashIsDequeued() throws IOException {
    tree.updateJob(JOB, r -> r.withScanFinished(true)); // finishScan died before dequeuing
    tree.recover(JOB);
    assertTrue(names("master/jobqueue").isEmpty());
  }

  @Test
  void leftoversAreIgnoredByListingsAndRemovedByRecovery() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 1));
    tree.dispatch(JOB, id, WORKER);
    Path job = workingDir.resolve("master/jobs/" + JOB);
    Files.write(job.resolve(".tmp-JOB-1"), new byte[] {'x'});
    Files.createDirectories(job.resolve("succeed_tasks/.tmp-" + id + "-2"));
    Files.createDirectories(job.resolve("pending_tasks/.tmp-task-3"));
    Files.createDirectories(job.resolve("checkpoints/0/.tmp-0000000001.cpt-4"));
    Files.createDirectories(workingDir.resolve("worker/jobs/" + JOB + "/tasks/.trash-5"));
    assertEquals(new TaskCounts(0, 1, 0, 0), tree.countTasks(JOB));

    RecoveryReport report = tree.recoverAll();

    assertEquals(5, report.removedLeftovers());
    assertNoLeftovers();
    assertEquals(JobState.Running, tree.readJob(JOB).state());
  }

  private TaskRef failedTaskWithOneFailedObjectOfThree() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 3));
    tree.dispatch(JOB, id, WORKER);
    return tree.complete(
        JOB,
        id,
        WORKER,
        TaskOutcome.failed(
            Arrays.asList(new ErrorEntry(ReasonCode.SOURCE_READ_ERROR, "f1", "dest/f1"))));
  }

  private void assertOneRedoOfF1() throws IOException {
    List<TaskRef> all = allTasks(tree, JOB);
    assertEquals(1, all.size(), all::toString);
    assertEquals(TaskState.PENDING, all.get(0).state());
    assertEquals(
        Arrays.asList(new TaskEntry("f1", "dest/f1", 101, 1_600_000_000_001L, 2)),
        entries(tree, JOB, all.get(0)));
    assertFalse(Files.exists(tree.taskDirectory(JOB, all.get(0)).resolve("ORIGIN")));
  }

  private void assertEveryObjectOnceIn(TaskState state, int n) throws IOException {
    Map<String, List<TaskState>> expected = new HashMap<>();
    for (TaskEntry e : objects("f", n)) {
      expected.put(e.source(), Arrays.asList(state));
    }
    assertEquals(expected, objectStates(tree, JOB));
  }

  /** No temp, trash or staged entry anywhere (the lock file aside). */
  private void assertNoLeftovers() throws IOException {
    try (Stream<Path> all = Files.walk(workingDir)) {
      List<Path> hidden =
          all.filter(p -> p.getFileName().toString().startsWith("."))
              .filter(p -> !p.getFileName().toString().equals(".lock"))
              .collect(Collectors.toList());
      assertEquals(Collections.emptyList(), hidden);
    }
  }

  private List<String> names(String dir) throws IOException {
    return AtomicFilesTest.names(workingDir.resolve(dir));
  }

  private static List<TaskState> states(List<TaskRef> refs) {
    return refs.stream().map(TaskRef::state).collect(Collectors.toList());
  }
}
