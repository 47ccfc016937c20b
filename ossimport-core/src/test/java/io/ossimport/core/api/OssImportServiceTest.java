package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import io.ossimport.emulator.store.PartMeta;
import io.ossimport.emulator.store.UploadMeta;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service's life: one per working directory, graceful stop and resume, stat, clean, retry. */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class OssImportServiceTest {
  private static final long MINUTE = 60_000;
  private static final int PART = 256 * 1024;

  OssEmulator oss;
  private ImportFixture f;

  @Test
  void aSecondStartIsRefusedNamingTheLockFileAndThePid() throws Exception {
    OssImport ossimport = f.open();
    try (RunningService service = ossimport.start()) {
      ServiceRunningException e =
          assertThrows(ServiceRunningException.class, () -> f.open().start());
      assertEquals(f.work.resolve("master/.lock"), e.lockFile());
      assertEquals(ownPid(), e.pid());
      assertTrue(e.getMessage().contains("PID " + ownPid()), e.getMessage());
      assertTrue(e.getMessage().contains(e.lockFile().toString()), e.getMessage());
      assertEquals(ownPid(), ossimport.servicePid());
      assertTrue(service.isRunning());
    }
    assertEquals(-1, ossimport.servicePid());
  }

  @Test
  void awaitingWithoutATimeLimitWaitsForTheJobToEnd() throws Exception {
    for (int i = 0; i < 4; i++) {
      f.file("slow/" + i, 1000 + i);
    }
    f.sys.put("workerTaskThreadNum", "1");
    oss.faults().always(Operation.PutObject, FaultSpec.latency(200));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());

    try (RunningService service = ossimport.start()) {
      // Long.MAX_VALUE means "no limit"; a deadline computed as now + timeout overflowed and
      // returned at once with the job still Running.
      JobStatus done = service.awaitJob(ImportFixture.JOB, Long.MAX_VALUE);

      assertEquals(JobState.Succeed, done.state());
      assertEquals(4, done.doneObjects());
      assertEquals(JobState.Succeed, ossimport.state(ImportFixture.JOB));
    }
  }

  @Test
  void stopThenStartResumesAHalfDoneJobWithoutSendingAnythingTwice() throws Exception {
    for (int i = 0; i < 12; i++) {
      f.file("small/" + i, 500 + i);
    }
    f.file("large.bin", 12 * PART + 1000); // 13 parts, one at a time
    f.job.put("taskObjectCountLimit", "3");
    f.job.put("uploadThreadNumPerLargeFile", "1");
    f.sys.put("workerTaskThreadNum", "2");
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(150));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(100));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());

    RunningService first = ossimport.start();
    awaitTrue(() -> partsStored() >= 3);
    first.stop();
    assertFalse(first.isRunning());

    JobStatus halfway = ossimport.stat(ImportFixture.JOB);
    assertEquals(JobState.Running, halfway.state());
    assertEquals(0, halfway.dispatchedTasks(), "running tasks went back to pending");
    assertTrue(halfway.pendingTasks() > 0, "work is left");
    Map<String, Long> stored = f.storedObjects();
    int parts = partsStored();
    assertTrue(parts >= 3 && parts < 13, "the large file stopped mid-way: " + parts);
    oss.faults().clear();
    oss.counters().reset();

    JobStatus done;
    try (RunningService second = ossimport.start()) {
      done = second.awaitJob(ImportFixture.JOB, MINUTE);
    }

    assertEquals(JobState.Succeed, done.state(), f.events.text());
    f.assertAllStored();
    Map<String, Long> after = f.storedObjects();
    for (Map.Entry<String, Long> e : stored.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was sent twice");
    }
    assertEquals(
        12 - stored.size(), oss.counters().get(Operation.PutObject), "only the small objects left");
    assertEquals(13 - parts, oss.counters().get(Operation.UploadPart), "only the parts left");
    assertEquals(0, oss.counters().get(Operation.InitiateMultipartUpload), "the upload resumed");
  }

  @Test
  void cleanIsRefusedWhileTheServiceRunsAndThenRemovesTheJob() throws Exception {
    f.file("a.txt", 10);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      service.awaitJob(ImportFixture.JOB, MINUTE);
      ServiceRunningException e =
          assertThrows(ServiceRunningException.class, () -> ossimport.clean(ImportFixture.JOB));
      assertEquals(ownPid(), e.pid());
      assertTrue(Files.isDirectory(f.work.resolve("master/jobs/local_test")));
    }

    ossimport.clean(ImportFixture.JOB);

    assertFalse(Files.exists(f.work.resolve("master/jobs/local_test")));
    assertTrue(ossimport.stat().isEmpty());
    assertEquals(
        1,
        f.events
            .messagesContaining("delete jobs dir:" + f.work.resolve("master/jobs/local_test") + "/")
            .size());
    assertThrows(JobConflictException.class, () -> ossimport.clean(ImportFixture.JOB));
    ossimport.submit(f.jobFile()); // the name is free again
  }

  @Test
  void cleanAbortsTheMultipartUploadsAStoppedJobLeftOpen() throws Exception {
    f.file("large.bin", 10 * PART);
    f.job.put("uploadThreadNumPerLargeFile", "1");
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(200));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    oss.counters().reset(); // submit's own check starts and aborts an upload
    RunningService service = ossimport.start();
    awaitTrue(() -> partsStored() >= 2);
    service.stop();
    assertEquals(1, oss.store().uploads(f.bucket).size(), "the stop left the upload open");

    ossimport.clean(ImportFixture.JOB);

    assertTrue(oss.store().uploads(f.bucket).isEmpty(), "clean aborted it");
    assertEquals(1, oss.counters().get(Operation.AbortMultipartUpload));
    assertEquals(1, f.events.messagesContaining("aborted 1 open multipart uploads").size());
  }

  @Test
  void cleanAbortsAnUploadOpenOnADispatchedTasksKeyThatNoWorkerRecorded() throws Exception {
    f.file("a.bin", 10);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    JobTree tree = new JobTree(f.work);
    String key = ImportFixture.DEST_PREFIX + "a.bin";
    TaskId id =
        tree.addTask(
            ImportFixture.JOB, Collections.singletonList(TaskEntry.of("a.bin", key, 10, 1)));
    tree.dispatch(ImportFixture.JOB, id, "localhost");
    // A worker killed between InitiateMultipartUpload and recording the id.
    f.client.initiateMultipartUpload(new InitiateMultipartUploadRequest(f.bucket, key));
    f.client.initiateMultipartUpload(new InitiateMultipartUploadRequest(f.bucket, "other/a.bin"));
    f.client.initiateMultipartUpload(
        new InitiateMultipartUploadRequest(f.bucket, ImportFixture.DEST_PREFIX + "b.bin"));

    ossimport.clean(ImportFixture.JOB);

    List<String> open = new ArrayList<>();
    for (UploadMeta u : oss.store().uploads(f.bucket)) {
      open.add(u.key());
    }
    Collections.sort(open);
    assertEquals(Arrays.asList(ImportFixture.DEST_PREFIX + "b.bin", "other/a.bin"), open);
    assertEquals(1, f.events.messagesContaining("aborted 1 open multipart uploads").size());
    assertFalse(Files.exists(f.work.resolve("master/jobs/local_test")));
  }

  @Test
  void stopReachesTheServiceOfThisJvmAndIsTrueWhenNoneRuns() throws Exception {
    OssImport ossimport = f.open();
    assertTrue(ossimport.stop(1000), "nothing to stop");
    RunningService service = ossimport.start();

    assertTrue(f.open().stop(30_000));

    assertFalse(service.isRunning());
    service.awaitStopped();
    assertEquals(-1, ossimport.servicePid());
    f.open().start().close(); // the lock is free
  }

  @Test
  void statRetryAndCleanOfAnUnknownJobAreConflicts() throws Exception {
    OssImport ossimport = f.open();
    assertTrue(ossimport.stat().isEmpty());
    assertEquals(StatReport.NO_JOBS + "\n", StatReport.text(ossimport.stat()));
    assertEquals(
        "nope", assertThrows(JobConflictException.class, () -> ossimport.stat("nope")).jobName());
    assertEquals(
        "nope", assertThrows(JobConflictException.class, () -> ossimport.state("nope")).jobName());
    assertThrows(JobConflictException.class, () -> ossimport.retry("nope"));
    assertThrows(JobConflictException.class, () -> ossimport.clean("nope"));
  }

  @Test
  void aRetryBesideTheRunningServiceRedoesTheFailedObjectAtOnce() throws Exception {
    for (int i = 0; i < 4; i++) {
      f.file("f" + i, 100 + i);
    }
    f.sys.put("workerTaskThreadNum", "1");
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      JobStatus failed = service.awaitJob(ImportFixture.JOB, MINUTE);
      assertEquals(JobState.Failed, failed.state(), f.events.text());
      assertEquals(1, failed.failedObjects());
      oss.counters().reset();

      RetryResult retried = ossimport.retry(ImportFixture.JOB);

      assertEquals(1, retried.objectsToRedo());
      assertEquals(JobState.Running, ossimport.stat(ImportFixture.JOB).state(), "at once");
      JobStatus done = service.awaitJob(ImportFixture.JOB, MINUTE);
      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(0, done.failedObjects());
      assertEquals(4, done.doneObjects());
    }
    assertEquals(1, oss.counters().get(Operation.PutObject), "only the failed object again");
    f.assertAllStored();
  }

  @Test
  void aRetryWhileStoppedKeepsTheCountsOfTheObjectsThatHadSucceeded() throws Exception {
    for (int i = 0; i < 4; i++) {
      f.file("f" + i, 100 + i);
    }
    f.sys.put("workerTaskThreadNum", "1");
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      assertEquals(JobState.Failed, service.awaitJob(ImportFixture.JOB, MINUTE).state());
    }

    assertEquals(1, ossimport.retry(ImportFixture.JOB).objectsToRedo());
    try (RunningService service = ossimport.start()) {
      JobStatus done = service.awaitJob(ImportFixture.JOB, MINUTE);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(4, done.doneObjects(), "the three earlier successes still count");
      assertEquals(0, done.failedObjects());
    }
    f.assertAllStored();
  }

  @Test
  void aRetryWhileStoppedKeepsTheCountsOfEveryTaskThatHadSucceeded() throws Exception {
    for (int i = 0; i < 4; i++) {
      f.file("f" + i, 100 + i);
    }
    f.job.put("taskObjectCountLimit", "1");
    f.sys.put("workerTaskThreadNum", "1");
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      JobStatus failed = service.awaitJob(ImportFixture.JOB, MINUTE);
      assertEquals(JobState.Failed, failed.state());
      assertEquals(3, failed.doneObjects());
      assertEquals(1, failed.failedObjects());
    }

    assertEquals(1, ossimport.retry(ImportFixture.JOB).objectsToRedo());
    assertEquals(
        3, ossimport.stat(ImportFixture.JOB).doneObjects(), "stat between retry and start");
    try (RunningService service = ossimport.start()) {
      JobStatus done = service.awaitJob(ImportFixture.JOB, MINUTE);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(4, done.doneObjects(), "the three other tasks still count");
      assertEquals(0, done.failedObjects());
    }
    assertEquals(4, ossimport.stat(ImportFixture.JOB).doneObjects(), "stat after the service");
    f.assertAllStored();
  }

  @Test
  void retryWithoutFailuresSaysSoAndLiftsAnAbort() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    new JobTree(f.work).updateJob(ImportFixture.JOB, r -> r.withState(JobState.Abort));

    RetryResult result = ossimport.retry(ImportFixture.JOB);

    assertEquals(0, result.tasksRequeued());
    assertEquals(0, result.objectsToRedo());
    assertEquals(JobState.Running, ossimport.stat(ImportFixture.JOB).state());
    assertEquals(1, f.events.messagesContaining("None failed tasks for job:local_test.").size());
    assertEquals(0, new JobTree(f.work).countTasks(ImportFixture.JOB, TaskState.PENDING));
  }

  private int partsStored() throws Exception {
    int parts = 0;
    List<UploadMeta> uploads = oss.store().uploads(f.bucket);
    for (UploadMeta u : uploads) {
      List<PartMeta> p = oss.store().parts(f.bucket, u.key(), u.uploadId());
      parts += p.size();
    }
    return parts;
  }

  private static long ownPid() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    return Long.parseLong(name.substring(0, name.indexOf('@')));
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private void awaitTrue(Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached; events:\n" + f.events.text());
      }
      Thread.sleep(10);
    }
  }
}
