package io.ossimport.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.EntryCounts;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.NewTask;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCountingTest {
  private static final String JOB = "local_test";
  private static final String WORKER = "localhost";

  @TempDir Path temp;
  private JobTree tree;

  @BeforeEach
  void setUp() throws Exception {
    tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
  }

  @Test
  void theCountsOfATaskWhoseCompletionNeverHappenedAreTakenBack() throws Exception {
    TaskId id = dispatched(entry("a", 5), entry("b", 7));
    TaskTally tally =
        TaskTally.of(tree, JOB, id, WORKER, TaskOutcome.completed()); // counted, then "killed"
    tree.updateJob(
        JOB,
        r ->
            r.withCounters(tally.applyTo(r.counters(), 1))
                .withCountLedger(tally.addTo(r.countLedger())));
    assertEquals(2, tree.readJob(JOB).counters().objectsDone());

    assertEquals(1, JobCounting.reconcileLedger(tree, JOB));

    assertEquals(JobCounters.ZERO, tree.readJob(JOB).counters());
    assertEquals("", tree.readJob(JOB).countLedger());
  }

  @Test
  void theCountsOfATaskThatDidCompleteStay() throws Exception {
    TaskId id = dispatched(entry("a", 5));
    TaskTally tally = TaskTally.of(tree, JOB, id, WORKER, TaskOutcome.completed());
    tree.updateJob(
        JOB,
        r ->
            r.withCounters(tally.applyTo(r.counters(), 1))
                .withCountLedger(tally.addTo(r.countLedger())));
    tree.complete(JOB, id, WORKER, TaskOutcome.completed()); // "killed" before clearing the ledger

    assertEquals(0, JobCounting.reconcileLedger(tree, JOB));

    assertEquals(1, tree.readJob(JOB).counters().objectsDone());
    assertEquals(5, tree.readJob(JOB).counters().bytesDone());
    assertEquals("", tree.readJob(JOB).countLedger());
  }

  @Test
  void ofSeveralTasksInDoubtOnlyThoseNotCompletedAreTakenBack() throws Exception {
    TaskId completed = dispatched(entry("a", 5));
    TaskId interrupted = dispatched(entry("b", 7), entry("c", 11));
    for (TaskId id : new TaskId[] {completed, interrupted}) {
      TaskTally tally = TaskTally.of(tree, JOB, id, WORKER, TaskOutcome.completed());
      tree.updateJob(
          JOB,
          r ->
              r.withCounters(tally.applyTo(r.counters(), 1))
                  .withCountLedger(tally.addTo(r.countLedger())));
    }
    tree.complete(JOB, completed, WORKER, TaskOutcome.completed());

    assertEquals(1, JobCounting.reconcileLedger(tree, JOB));

    assertEquals(1, tree.readJob(JOB).counters().objectsDone());
    assertEquals(5, tree.readJob(JOB).counters().bytesDone());
  }

  @Test
  void failedCountsAreRecountedFromTheErrorListsAndAnEmptyListMeansTheWholeTask() throws Exception {
    TaskId some = dispatched(entry("a", 5), entry("b", 7), entry("c", 11));
    tree.complete(
        JOB,
        some,
        WORKER,
        TaskOutcome.failed(
            Arrays.asList(
                new ErrorEntry(ReasonCode.NETWORK, "b", "backup/b"),
                new ErrorEntry(ReasonCode.ACCESS_DENIED, "c", "backup/c"))));
    TaskId whole = dispatched(entry("d", 13), entry("e", 17));
    tree.complete(JOB, whole, WORKER, TaskOutcome.failed(Collections.<ErrorEntry>emptyList()));

    JobCounting.recountFailed(tree, JOB);

    assertEquals(4, tree.readJob(JOB).counters().objectsFailed());
    assertEquals(7 + 11 + 13 + 17, tree.readJob(JOB).counters().bytesFailed());
  }

  @Test
  void theCountsTheWorkerReportsAreTakenWithoutReadingTheTaskFilesAgain() throws Exception {
    TaskId id = dispatched(entry("a", 5), entry("b", 7), entry("c", 11));
    // the worker's audit log says nothing was skipped; its counts (from the progress log of a
    // resumed run) are what the tally holds
    EntryCounts counted = new EntryCounts(2, 12, 1, 7, 1, 11);

    TaskTally tally =
        TaskTally.of(
            tree,
            JOB,
            id,
            WORKER,
            TaskOutcome.failed(Arrays.asList(new ErrorEntry(ReasonCode.NETWORK, "c", "backup/c")))
                .withCounts(counted));

    assertEquals("" + id + " 2 12 1 7 1 11", tally.toLedger());
  }

  @Test
  void withoutTheWorkersCountsTheTallyComesFromTheTaskFiles() throws Exception {
    TaskId id = dispatched(entry("a", 5), entry("b", 7), entry("c", 11));

    TaskTally tally =
        TaskTally.of(
            tree,
            JOB,
            id,
            WORKER,
            TaskOutcome.failed(Arrays.asList(new ErrorEntry(ReasonCode.NETWORK, "c", "backup/c"))));

    assertEquals("" + id + " 2 12 0 0 1 11", tally.toLedger());
  }

  @Test
  void totalsComeFromTheNewestCheckpoint() throws Exception {
    try (NewTask task = tree.newTask(JOB)) {
      task.add(entry("a", 5));
      task.commit(tree.checkpoints(JOB), Checkpoint.of(0, "state", 1, 42, 4200));
    }

    JobCounting.syncTotals(tree, JOB);

    assertEquals(42, tree.readJob(JOB).counters().objectsTotal());
    assertEquals(4200, tree.readJob(JOB).counters().bytesTotal());
  }

  private static TaskEntry entry(String name, long size) {
    return TaskEntry.of(name, "backup/" + name, size, 1000);
  }

  private TaskId dispatched(TaskEntry... entries) throws Exception {
    TaskId id = tree.addTask(JOB, Arrays.asList(entries));
    tree.dispatch(JOB, id, WORKER);
    return id;
  }
}
