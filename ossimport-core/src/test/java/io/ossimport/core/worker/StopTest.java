package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop (interrupting the thread in runTask) lets in-flight objects and parts finish and
 * be recorded; the resumed run sends nothing twice.
 */
@ExtendWith(OssEmulatorExtension.class)
class StopTest {
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
  void stoppedTaskFinishesItsInFlightObjectsAndTheResumedRunSendsEachObjectOnce() throws Exception {
    h.sysKeys.put("workerTaskThreadNum", "2");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      names.add("f" + i);
      h.file("f" + i, 2000 + i);
    }
    TaskId id = h.dispatch(h.entries(names.toArray(new String[0])));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(100));
    oss.counters().reset();

    try (Worker worker = h.worker();
        JobRuntime job = h.openJob(worker)) {
      Throwable stopped =
          runAndInterrupt(
              worker,
              job,
              id,
              () -> {
                TaskStats s = worker.taskStats(WorkerHarness.JOB, id);
                return s != null && s.objectsDone() >= 3;
              });
      assertTrue(stopped instanceof InterruptedException, String.valueOf(stopped));
    }
    long sent = h.requests(Operation.PutObject);
    assertEquals(sent, h.progress(id).count(EntryState.DONE), "every object sent is DONE");
    assertEquals(0, h.progress(id).count(EntryState.BEGUN), "no object was left half-way");
    assertTrue(sent < 20, "the stop came before the end: " + sent);

    oss.faults().clear();
    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(20, h.requests(Operation.PutObject), "each object once over both runs");
    for (String n : names) {
      h.assertStored(n, java.nio.file.Files.readAllBytes(h.src.resolve(n)));
    }
  }

  @Test
  void stoppedMultipartUploadKeepsItsRecordedPartsAndTheResumedRunUploadsOnlyTheRest()
      throws Exception {
    h.jobKeys.put("uploadThreadNumPerLargeFile", "1");
    byte[] big = h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(150));
    oss.counters().reset();

    try (Worker worker = h.worker();
        JobRuntime job = h.openJob(worker)) {
      Throwable stopped =
          runAndInterrupt(
              worker,
              job,
              id,
              () -> {
                MultipartState s = h.files(id).readMultipart(0);
                return s != null && !s.parts().isEmpty();
              });
      assertTrue(stopped instanceof InterruptedException, String.valueOf(stopped));
    }
    MultipartState recorded = h.files(id).readMultipart(0);
    int partsBefore = recorded.parts().size();
    assertEquals(partsBefore, h.requests(Operation.UploadPart), "each part sent is recorded");
    assertTrue(partsBefore < 4);
    assertEquals(EntryState.BEGUN, h.progress(id).entry(0).state());

    oss.faults().clear();
    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(4, h.requests(Operation.UploadPart), "no part sent twice");
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload));
    h.assertStored("big.bin", big);
    assertNull(h.files(id).readMultipart(0));
  }

  @Test
  void aResumedMultipartUploadKeepsTheAttributesItWasInitiatedWith() throws Exception {
    h.jobKeys.put("uploadThreadNumPerLargeFile", "1");
    h.jobKeys.put("storageClass", "IA");
    h.jobKeys.put("objectTagging", "run=first");
    h.jobKeys.put("objectHeaders", "Cache-Control: no-store");
    h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(150));
    oss.counters().reset();
    try (Worker worker = h.worker();
        JobRuntime job = h.openJob(worker)) {
      runAndInterrupt(
          worker,
          job,
          id,
          () -> {
            MultipartState s = h.files(id).readMultipart(0);
            return s != null && !s.parts().isEmpty();
          });
    }
    oss.faults().clear();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload), "resumed, not started again");
    com.aliyun.oss.model.ObjectMetadata m = h.client.getObjectMetadata(h.bucket, "dest/big.bin");
    assertEquals("IA", m.getObjectStorageClass().toString());
    assertEquals("no-store", m.getCacheControl());
    assertEquals("first", h.client.getObjectTagging(h.bucket, "dest/big.bin").getTag("run"));
  }

  @Test
  void closingTheWorkerUnderARunningTaskGivesNoOutcomeAndTheTaskResumesLater() throws Exception {
    h.sysKeys.put("workerTaskThreadNum", "2");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      names.add("f" + i);
      h.file("f" + i, 1000);
    }
    TaskId id = h.dispatch(h.entries(names.toArray(new String[0])));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(100));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<TaskOutcome> returned = new AtomicReference<>();
    Worker worker = h.worker();
    try (JobRuntime job = h.openJob(worker)) {
      Thread runner =
          new Thread(
              () -> {
                try {
                  returned.set(worker.runTask(job, id, WorkerHarness.WORKER));
                } catch (Throwable t) {
                  thrown.set(t);
                }
              });
      runner.start();
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline) {
        TaskStats s = worker.taskStats(WorkerHarness.JOB, id);
        if (s != null && s.objectsDone() >= 2) {
          break;
        }
        Thread.sleep(10);
      }
      worker.close();
      runner.join(20_000);
    }

    assertNull(returned.get(), "a task cut short must not look finished");
    assertTrue(thrown.get() instanceof java.io.IOException, String.valueOf(thrown.get()));
    oss.faults().clear();
    assertEquals(TaskStatus.COMPLETED, h.run(id).status());
    assertEquals(12, h.progress(id).count(EntryState.DONE));
  }

  /** Runs the task in a thread, interrupts it once {@code ready} holds, returns what it threw. */
  private static Throwable runAndInterrupt(
      Worker worker, JobRuntime job, TaskId id, Callable<Boolean> ready) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                worker.runTask(job, id, WorkerHarness.WORKER);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    long deadline = System.currentTimeMillis() + 20_000;
    while (!ready.call() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    runner.interrupt();
    runner.join(20_000);
    return thrown.get();
  }
}
