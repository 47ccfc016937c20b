package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.retry.Backoff;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Many objects through random faults, and concurrent tasks through one throughput limit. */
@ExtendWith(OssEmulatorExtension.class)
class FaultToleranceTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void slowDownNarrowsTheJobsRequestsInFlightAndEveryObjectStillArrives() throws Exception {
    h.sysKeys.put("workerTaskThreadNum", "8");
    h.backoff = new Backoff(1, 8, 8, new Random(3));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add("t/" + i + ".txt");
      h.file("t/" + i + ".txt", 100 + i);
    }
    TaskId id = h.dispatch(h.entries(names.toArray(new String[0])));
    oss.faults() // the first rule that draws wins: 30 % SlowDown, the rest served after 20 ms
        .seed(7)
        .probability(Operation.PutObject, 0.3, FaultSpec.slowDown())
        .always(Operation.PutObject, FaultSpec.latency(20));

    TaskOutcome outcome = h.run(id);
    oss.faults().clear();

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    for (String n : names) {
      h.assertStored(n, Files.readAllBytes(h.src.resolve(n)));
    }
    long narrowings =
        h.events.stream().filter(e -> e.message().startsWith("OSS throttles (SlowDown")).count();
    long slowDowns =
        h.audit(id).stream()
            .filter(r -> r.result() == AuditResult.RETRY && r.toString().contains("SlowDown"))
            .count();
    assertTrue(narrowings >= 1, h.eventText());
    // No narrowing without a SlowDown. That a burst in one round narrows once is
    // RequestWindowTest's (deterministic): here, once the window is down to one or two requests,
    // every round holds a single request and each SlowDown may narrow, so "fewer narrowings than
    // SlowDowns" depends on timing (it failed a CI-like run with 12 for 12).
    assertTrue(narrowings <= slowDowns, narrowings + " narrowings for " + slowDowns + " SlowDowns");
  }

  @Test
  void everyObjectArrivesVerifiedThroughRandomThrottlingAndResets() throws Exception {
    h.sysKeys.put("workerTaskThreadNum", "8");
    h.backoff = new Backoff(1, 8, 8, new Random(3)); // 8 failures in a row: about 1e-9
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add("small/" + i + ".txt");
      h.file("small/" + i + ".txt", 500 + i * 7);
    }
    names.add("large/one.bin");
    names.add("large/two.bin");
    h.file("large/one.bin", 1_100_000);
    h.file("large/two.bin", 1_300_000);
    TaskId id = h.dispatch(h.entries(names.toArray(new String[0])));
    oss.faults()
        .seed(42)
        .probability(null, 0.05, FaultSpec.serviceUnavailable())
        .probability(Operation.PutObject, 0.02, FaultSpec.resetRequest(-1))
        .probability(Operation.UploadPart, 0.1, FaultSpec.resetRequest(-1));

    TaskOutcome outcome = h.run(id);
    oss.faults().clear();

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    for (String n : names) {
      h.assertStored(n, Files.readAllBytes(h.src.resolve(n)));
    }
    int retries = 0;
    int ok = 0;
    for (AuditRecord r : h.audit(id)) {
      retries += r.result() == AuditResult.RETRY ? 1 : 0;
      ok += r.result() == AuditResult.OK ? 1 : 0;
    }
    assertEquals(202, ok);
    assertTrue(retries > 5, "the faults were met and retried: " + retries);
  }

  @Test
  void concurrentTasksShareOneThrottleAndTheirObjectsArriveIntact() throws Exception {
    h.sysKeys.put("workerMaxThroughput(KB/s)", "8000");
    List<TaskId> tasks = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        names.add("t" + t + "/" + i);
        h.file("t" + t + "/" + i, 40_000 + i);
      }
      if (t == 0) {
        names.add("t0/large.bin");
        h.file("t0/large.bin", 1_100_000);
      }
      tasks.add(h.dispatch(h.entries(names.toArray(new String[0]))));
    }
    ExecutorService callers = Executors.newFixedThreadPool(tasks.size());
    try (Worker worker = h.worker();
        JobRuntime job = h.openJob(worker)) {
      assertFalse(worker.limiter().isUnlimited());
      List<Future<TaskOutcome>> outcomes = new ArrayList<>();
      for (TaskId id : tasks) {
        outcomes.add(callers.submit(() -> worker.runTask(job, id, WorkerHarness.WORKER)));
      }
      for (Future<TaskOutcome> f : outcomes) {
        assertEquals(TaskStatus.COMPLETED, f.get().status());
      }
    } finally {
      callers.shutdown();
    }
    for (Path p : (Iterable<Path>) Files.walk(h.src).filter(Files::isRegularFile)::iterator) {
      h.assertStored(h.src.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
    }
  }

  @Test
  void noLimitMeansAnUnlimitedThrottle() throws Exception {
    h.sysKeys.put("workerMaxThroughput(KB/s)", "0");
    try (Worker worker = h.worker()) {
      assertTrue(worker.limiter().isUnlimited());
    }
  }
}
