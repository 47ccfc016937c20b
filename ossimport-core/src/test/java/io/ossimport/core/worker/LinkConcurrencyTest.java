package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.retry.Backoff;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a slow link (the emulator waits 40 ms before each PUT) the worker keeps more requests in
 * flight than {@code workerTaskThreadNum}, up to {@code workerMaxTaskThreadNum}; OSS's throttling
 * answers cut them, and they grow again. The emulator counts the requests it serves at once.
 */
@ExtendWith(OssEmulatorExtension.class)
class LinkConcurrencyTest {
  static final int BASE = 8;
  static final int CEILING = 64;

  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.sysKeys.put("workerTaskThreadNum", String.valueOf(BASE));
    h.backoff = new Backoff(1, 20, 12, new Random(7));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(40));
  }

  @AfterEach
  void tearDown() {
    oss.faults().clear();
    h.close();
  }

  @Test
  void aSlowLinkGetsMoreRequestsInFlightThanTheBaseThreads() throws Exception {
    h.sysKeys.put("workerMaxTaskThreadNum", String.valueOf(CEILING));
    TaskId id = h.dispatch(smallFiles(800));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(800, h.requests(Operation.PutObject));
    long most = oss.counters().maxInFlight();
    assertTrue(most > 2 * BASE, "at most " + most + " requests in flight with " + BASE + " base");
    assertTrue(most <= CEILING, "more than the ceiling in flight: " + most);
  }

  @Test
  void withoutTheCeilingKeyTheBaseThreadsAreAllThereIs() throws Exception {
    TaskId id = h.dispatch(smallFiles(200));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertTrue(oss.counters().maxInFlight() <= BASE, "" + oss.counters().maxInFlight());
  }

  @Test
  void aSlowDownBurstCutsTheObjectsInFlightAndTheyGrowAgain() throws Exception {
    h.sysKeys.put("workerMaxTaskThreadNum", String.valueOf(CEILING));
    TaskId id = h.dispatch(smallFiles(3000));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (Worker worker = h.worker();
        JobRuntime job = h.openJob(worker)) {
      Future<TaskOutcome> run = runner.submit(() -> worker.runTask(job, id, WorkerHarness.WORKER));
      int grown = awaitWidth(worker, w -> w >= 4 * BASE, run);
      assertTrue(grown >= 4 * BASE, "never grew: " + grown);

      FaultSpec[] burst = new FaultSpec[40];
      java.util.Arrays.fill(burst, FaultSpec.slowDown());
      oss.faults().script(Operation.PutObject, burst);
      int cut = awaitWidth(worker, w -> w <= grown / 2, run);
      assertTrue(cut <= grown / 2, "not cut: " + cut + " after " + grown);

      int again = awaitWidth(worker, w -> w > cut, run);
      assertTrue(again > cut, "did not grow again after the burst: " + again);
      TaskOutcome outcome = run.get(60, TimeUnit.SECONDS);
      assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    } finally {
      runner.shutdownNow();
    }
    assertTrue(h.eventText().contains("OSS throttles"), h.eventText());
  }

  /** Polls the worker's width until {@code until} holds or the task ends; returns the last. */
  private static int awaitWidth(
      Worker worker, java.util.function.IntPredicate until, Future<TaskOutcome> run)
      throws InterruptedException {
    int width = worker.objectWidth();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!until.test(width) && !run.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(2);
      width = worker.objectWidth();
    }
    return width;
  }

  private List<TaskEntry> smallFiles(int n) throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "f/" + i;
      h.file(name, 4096);
      names.add(name);
    }
    return h.entries(names.toArray(new String[0]));
  }
}
