package io.ossimport.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerTest {
  private static final String JOB = "local_test";

  @TempDir Path temp;
  private JobTree tree;
  private FakeRunner runner;
  private final EventLog events = new EventLog();
  private Tracker tracker;
  private Thread thread;

  @BeforeEach
  void setUp() throws Exception {
    tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, TestJobs.frozen(TestJobs.offlineJob(JOB, temp)));
    runner = new FakeRunner(tree);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (tracker != null) {
      tracker.stop();
      thread.join(10_000);
    }
  }

  @Test
  void aJobWhoseTasksAllCompleteSucceedsWithItsCounters() throws Exception {
    task("a", "b", "skip-c");
    task("d");
    task("e", "f");
    scanFinished(6, 6 * 10);

    start(2);
    JobRecord record = awaitState(JobState.Succeed);

    assertEquals(new JobCounters(6, 60, 6, 60, 0, 0, 1, 10), record.counters());
    assertEquals("", record.countLedger(), "no completion is in doubt");
    assertEquals(3, tree.countTasks(JOB, TaskState.SUCCEED));
    assertEquals(3, events.messagesContaining(" Completed: ").size(), events.text());
    awaitTrue(() -> !events.messagesContaining("job Succeed: 6 of 6 objects done").isEmpty());
    assertTrue(events.progressEvents() >= 1, "a final snapshot at least");
    assertTrue(record.finishTime() != null && record.startTime() != null);
  }

  @Test
  void aFailedObjectFailsTheJobAndARetryRunsOnlyItToSucceed() throws Exception {
    task("a", "fail-b", "c");
    scanFinished(3, 30);

    start(2);
    JobRecord failed = awaitState(JobState.Failed);
    assertEquals(new JobCounters(3, 30, 2, 20, 1, 10, 0, 0), failed.counters());
    assertFalse(events.messagesContaining("1 of 3 objects failed").isEmpty(), events.text());

    runner.failMarker = null;
    assertEquals(1, tree.retry(JOB).objects());
    tracker.wake();
    JobRecord succeeded = awaitState(JobState.Succeed);

    assertEquals(new JobCounters(3, 30, 3, 30, 0, 0, 0, 0), succeeded.counters());
    assertEquals(0, tree.countTasks(JOB, TaskState.FAILED));
    assertEquals(1, tree.countTasks(JOB, TaskState.SUCCEED), "the redo task");
  }

  @Test
  void aWorkerAbortPutsTheJobInAbortWithItsTaskBackInPending() throws Exception {
    task("a");
    scanFinished(1, 10);
    runner.abortNext = true;

    start(1);
    JobRecord record = awaitState(JobState.Abort);
    // the JOB record says Abort first; the task goes back and the event follows on its thread
    awaitTrue(
        () ->
            tree.countTasks(JOB, TaskState.PENDING) == 1
                && !events
                    .messagesContaining("job Abort: object x: unexpected NullPointerException")
                    .isEmpty());

    assertEquals(0, tree.countTasks(JOB, TaskState.DISPATCHED));
    assertEquals("object x: unexpected NullPointerException", record.abortReason());
    Thread.sleep(3 * Tracker.TICK_MILLIS);
    assertEquals(1, tree.countTasks(JOB, TaskState.PENDING), "nothing of an aborted job runs");
    assertEquals(JobState.Abort, record.state());
  }

  @Test
  void tasksRunConcurrentlyUpToTheTaskThreads() throws Exception {
    for (int i = 0; i < 8; i++) {
      task("o" + i);
    }
    scanFinished(8, 80);
    runner.gate = new Semaphore(0);

    start(4);
    awaitTrue(() -> runner.running.get() == 4);
    Thread.sleep(2 * Tracker.TICK_MILLIS);
    assertEquals(4, runner.running.get(), "no more tasks than task threads");
    runner.gate.release(100);

    awaitState(JobState.Succeed);
    assertEquals(4, runner.mostAtOnce.get());
  }

  @Test
  void stopSendsRunningTasksBackToPendingWithoutCountingThem() throws Exception {
    task("a");
    task("b");
    scanFinished(2, 20);
    runner.gate = new Semaphore(0);

    start(2);
    awaitTrue(() -> runner.running.get() == 2);
    tracker.stop();
    thread.join(10_000);
    tracker = null;

    assertFalse(thread.isAlive());
    assertEquals(2, tree.countTasks(JOB, TaskState.PENDING));
    assertEquals(0, tree.countTasks(JOB, TaskState.DISPATCHED));
    assertEquals(0, tree.readJob(JOB).counters().objectsDone());
    assertEquals(JobState.Running, tree.readJob(JOB).state());
  }

  @Test
  void aJobStaysRunningWhileItsScanGoesOn() throws Exception {
    task("a");
    start(1);
    awaitTrue(() -> tree.countTasks(JOB, TaskState.SUCCEED) == 1);
    Thread.sleep(2 * Tracker.TICK_MILLIS);
    assertEquals(JobState.Running, tree.readJob(JOB).state());

    scanFinished(1, 10);
    tracker.wake();
    awaitState(JobState.Succeed);
  }

  private void task(String... sources) throws Exception {
    List<TaskEntry> entries = new ArrayList<>();
    for (String s : sources) {
      entries.add(TaskEntry.of(s, "backup/" + s, 10, 1000));
    }
    tree.addTask(JOB, entries);
  }

  private void scanFinished(long objects, long bytes) throws Exception {
    JobCounting.withTotals(tree, JOB, objects, bytes);
    tree.finishScan(JOB);
  }

  private void start(int taskThreads) {
    tracker = new Tracker(tree, runner, events, taskThreads, 60_000);
    thread = new Thread(tracker, "tracker-under-test");
    thread.start();
  }

  private JobRecord awaitState(JobState state) throws Exception {
    awaitTrue(() -> tree.readJob(JOB).state() == state);
    return tree.readJob(JOB);
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private void awaitTrue(Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached; events:\n" + events.text());
      }
      Thread.sleep(10);
    }
  }
}
