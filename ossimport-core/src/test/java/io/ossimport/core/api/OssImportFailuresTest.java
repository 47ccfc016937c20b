package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.master.Master;
import io.ossimport.core.retry.Backoff;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each failure reason shows in the failed task's error.list and audit.log, and retry redoes only
 * the failed objects.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class OssImportFailuresTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  private ImportFixture f;

  @Test
  void everyFailureReasonIsRecordedAndRetryRedoesOnlyTheFailedObjects() throws Exception {
    for (int i = 0; i < 6; i++) {
      f.file("ok-" + i + ".txt", 100 + i);
    }
    f.file("line\nfeed.txt", 10); // OSS refuses line feeds in keys
    byte[] gone = f.file("gone.txt", 20);
    f.sys.put("workerTaskThreadNum", "1"); // one object at a time: the scripted faults hit in order
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    JobTree tree = new JobTree(f.work);
    scanOnly(tree);
    Path gonePath = f.src.resolve("gone.txt");
    FileTime goneTime = Files.getLastModifiedTime(gonePath);
    Files.delete(gonePath); // listed, then deleted before its upload
    // The first PUT is refused for good; the next object gets 503 on every attempt it has.
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));
    for (int i = 0; i < Backoff.standard().maxAttempts(); i++) {
      oss.faults().script(Operation.PutObject, FaultSpec.serviceUnavailable());
    }

    JobStatus failed = run(ossimport);

    assertEquals(JobState.Failed, failed.state(), f.events.text());
    assertEquals(1, failed.failedTasks());
    TaskRef task = onlyFailedTask(tree);
    Map<ReasonCode, String> errors = new EnumMap<>(ReasonCode.class);
    for (ErrorEntry e : tree.readErrors(ImportFixture.JOB, task)) {
      errors.put(e.reason(), e.source());
    }
    assertEquals(4, errors.size(), "one object per reason: " + errors);
    assertEquals("line\nfeed.txt", errors.get(ReasonCode.INVALID_KEY));
    assertEquals("gone.txt", errors.get(ReasonCode.SOURCE_NOT_FOUND));
    assertTrue(errors.get(ReasonCode.ACCESS_DENIED).startsWith("ok-"), errors.toString());
    assertTrue(errors.get(ReasonCode.SERVER_ERROR).startsWith("ok-"), errors.toString());
    List<AuditRecord> audit = new ArrayList<>();
    tree.readAudit(ImportFixture.JOB, task, audit::add);
    for (ReasonCode reason : errors.keySet()) {
      String key = ImportFixture.DEST_PREFIX + errors.get(reason);
      assertTrue(
          audit.stream()
              .anyMatch(
                  r ->
                      r.result() == AuditResult.FAILED
                          && r.reason() == reason
                          && r.destination().equals(key)),
          "audit.log has a FAILED " + reason + " line for " + key);
    }
    assertEquals(4, failed.failedObjects());
    assertEquals(4, failed.doneObjects());
    assertTrue(
        !f.events.messagesContaining("4 of 8 objects failed").isEmpty()
            && !f.events.messagesContaining("audit.log and error.list").isEmpty(),
        f.events.text());

    Map<String, Long> before = f.storedObjects();
    Files.write(gonePath, gone);
    Files.setLastModifiedTime(gonePath, goneTime); // back as it was listed
    oss.counters().reset();
    RetryResult retried = ossimport.retry(ImportFixture.JOB);
    assertEquals(1, retried.tasksRequeued());
    assertEquals(4, retried.objectsToRedo());
    assertEquals(JobState.Running, ossimport.stat(ImportFixture.JOB).state());

    JobStatus again = run(ossimport);

    assertEquals(JobState.Failed, again.state(), "the invalid key cannot be fixed by a retry");
    assertEquals(3, oss.counters().get(Operation.PutObject), "only the three fixable objects");
    assertEquals(1, again.failedObjects());
    assertEquals(7, again.doneObjects());
    ErrorEntry last = tree.readErrors(ImportFixture.JOB, onlyFailedTask(tree)).get(0);
    assertEquals(ReasonCode.INVALID_KEY, last.reason());
    Map<String, Long> after = f.storedObjects();
    for (Map.Entry<String, Long> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was not sent again");
    }
    f.files.remove("line\nfeed.txt");
    f.assertAllStored();
  }

  private JobStatus run(OssImport ossimport) throws Exception {
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }

  /** Lists and cuts the job without uploading anything, as the master of a service would. */
  private void scanOnly(JobTree tree) throws Exception {
    Master master = new Master(tree, f.events, () -> {});
    Thread t = new Thread(master);
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!tree.readJob(ImportFixture.JOB).scanFinished() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    master.stop();
    t.join(10_000);
    assertTrue(tree.readJob(ImportFixture.JOB).scanFinished());
  }

  private static TaskRef onlyFailedTask(JobTree tree) throws Exception {
    try (Stream<TaskRef> failed = tree.tasks(ImportFixture.JOB, TaskState.FAILED)) {
      List<TaskRef> all = failed.collect(Collectors.toList());
      assertEquals(1, all.size());
      return all.get(0);
    }
  }
}
