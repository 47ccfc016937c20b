package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.ListMultipartUploadsRequest;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each reason code produced for real, visible in the outcome's errors, the audit log, the progress
 * log and the events.
 */
@ExtendWith(OssEmulatorExtension.class)
class FailureReasonsTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;
  HookedSource hooked;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.sourceWrapper = s -> hooked = new HookedSource(s);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void aFileGrownWhileItIsSentFailsAsSizeNotMatchAndIsNotStored() throws Exception {
    h.file("grows.log", 200_000);
    Path file = h.src.resolve("grows.log");
    TaskId id = h.dispatch(h.entries("grows.log"));
    h.sourceWrapper =
        s ->
            hooked =
                new HookedSource(s)
                    .whenRead(
                        "grows.log",
                        100_000,
                        () -> Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND));

    TaskOutcome outcome = h.run(id);

    assertTrue(hooked.fired());
    assertOnlyFailure(outcome, id, ReasonCode.SIZE_NOT_MATCH, "grows.log");
    assertFalse(h.exists("grows.log"), "OSS must not keep a half-old, half-new object");
    // The aborted PUT may reach the emulator's counters after the client gave up: count lines.
    assertEquals(1, h.audit(id).size(), "a changed source is not retried: " + h.audit(id));
  }

  @Test
  void aFileGrownFromAnotherThreadDuringAThrottledUploadFailsAsSizeNotMatch() throws Exception {
    h.sysKeys.put("workerMaxThroughput(KB/s)", "100");
    h.file("slow.bin", 150_000);
    Path file = h.src.resolve("slow.bin");
    TaskId id = h.dispatch(h.entries("slow.bin"));
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(300); // the throttled upload needs about 1.5 s
                Files.write(file, new byte[1000], StandardOpenOption.APPEND);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();

    TaskOutcome outcome = h.run(id);
    writer.join();

    assertOnlyFailure(outcome, id, ReasonCode.SIZE_NOT_MATCH, "slow.bin");
    assertFalse(h.exists("slow.bin"));
  }

  @Test
  void aLargeFileRewrittenWhileItsPartsGoUpIsAbortedNotCompleted() throws Exception {
    byte[] original = h.file("big.bin", 1_200_000);
    Path file = h.src.resolve("big.bin");
    TaskId id = h.dispatch(h.entries("big.bin"));
    h.jobKeys.put("uploadThreadNumPerLargeFile", "1");
    h.sourceWrapper =
        s ->
            hooked =
                new HookedSource(s)
                    .whenRead(
                        "big.bin",
                        400_000,
                        () -> {
                          original[0] ^= 1; // same size, new content and mtime
                          Files.write(file, original);
                          Files.setLastModifiedTime(
                              file,
                              java.nio.file.attribute.FileTime.fromMillis(
                                  System.currentTimeMillis() + 5000));
                        });

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.SIZE_NOT_MATCH, "big.bin");
    assertFalse(h.exists("big.bin"));
    assertEquals(0, h.requests(Operation.CompleteMultipartUpload));
    assertTrue(
        h.client
            .listMultipartUploads(new ListMultipartUploadsRequest(h.bucket))
            .getMultipartUploads()
            .isEmpty(),
        "the upload is aborted");
    assertFalse(h.files(id).multipartUploads().findAny().isPresent());
  }

  @Test
  void aFileDeletedBeforeItsTurnFailsAsSourceNotFoundWithoutAnyRequest() throws Exception {
    h.file("gone.txt", 10);
    TaskId id = h.dispatch(h.entries("gone.txt"));
    Files.delete(h.src.resolve("gone.txt"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.SOURCE_NOT_FOUND, "gone.txt");
    assertEquals(0, oss.counters().total());
  }

  @Test
  void aFileDeletedWhileItIsSentFailsAsSourceNotFound() throws Exception {
    h.file("vanishes.bin", 100_000);
    Path file = h.src.resolve("vanishes.bin");
    TaskId id = h.dispatch(h.entries("vanishes.bin"));
    h.sourceWrapper =
        s ->
            hooked = new HookedSource(s).whenRead("vanishes.bin", 10_000, () -> Files.delete(file));

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.SOURCE_NOT_FOUND, "vanishes.bin");
    assertFalse(h.exists("vanishes.bin"));
  }

  @Test
  void aKeyOssWouldRefuseFailsAsInvalidKeyWithoutAnyRequest() throws Exception {
    h.file("a.txt", 10);
    TaskEntry scanned = h.entry("a.txt");
    TaskId id =
        h.dispatch(
            Collections.singletonList(
                TaskEntry.of("a.txt", "/a.txt", scanned.size(), scanned.mtimeMillis())));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(ReasonCode.INVALID_KEY, outcome.errors().get(0).reason());
    assertEquals(0, oss.counters().total());
    assertTrue(h.eventText().contains("must not start with"), h.eventText());
  }

  @Test
  void aWrongSecretFailsAsAccessDeniedAtOnceAndIsNeverShown() throws Exception {
    h.jobKeys.put("destSecretKey", WorkerHarness.SECRET_MARK);
    h.file("a.txt", 10);
    h.file("b.txt", 10);
    TaskId id = h.dispatch(h.entries("a.txt", "b.txt"));

    TaskOutcome outcome = h.run(id);

    assertEquals(2, outcome.errors().size());
    for (ErrorEntry e : outcome.errors()) {
      assertEquals(ReasonCode.ACCESS_DENIED, e.reason());
    }
    assertEquals(2, h.requests(Operation.PutObject), "no retry of a permanent failure");
    assertFalse(h.eventText().contains(WorkerHarness.SECRET_MARK), h.eventText());
    assertTrue(h.eventText().contains("SignatureDoesNotMatch"), h.eventText());
  }

  @Test
  void serverErrorsBeyondTheRetryBudgetFailAsServerErrorWithARetryLineForEachAttempt()
      throws Exception {
    oss.faults().always(Operation.PutObject, FaultSpec.serviceUnavailable());
    h.file("a.txt", 100);
    TaskId id = h.dispatch(h.entries("a.txt"));

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.SERVER_ERROR, "a.txt");
    assertEquals(4, h.requests(Operation.PutObject), "the budget is 4 attempts");
    assertEquals(3, count(h.audit(id), AuditResult.RETRY, ReasonCode.SERVER_ERROR));
  }

  @Test
  void aCrcMismatchFailsAsCrcNotMatchAndLeavesNoObject() throws Exception {
    oss.faults().always(Operation.PutObject, FaultSpec.wrongCrc());
    h.file("a.txt", 1000);
    TaskId id = h.dispatch(h.entries("a.txt"));

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.CRC_NOT_MATCH, "a.txt");
    assertEquals(3, count(h.audit(id), AuditResult.RETRY, ReasonCode.CRC_NOT_MATCH));
    assertFalse(h.exists("a.txt"), "an object that failed its check is removed");
  }

  @Test
  void aCrcMismatchOnCompleteFailsTheLargeObject() throws Exception {
    oss.faults().always(Operation.CompleteMultipartUpload, FaultSpec.wrongCrc());
    h.file("big.bin", 1_100_000);
    TaskId id = h.dispatch(h.entries("big.bin"));

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.CRC_NOT_MATCH, "big.bin");
    assertEquals(1, h.requests(Operation.CompleteMultipartUpload));
    assertFalse(h.exists("big.bin"));
  }

  @Test
  void transientFaultsAreRetriedAndTheObjectArrives() throws Exception {
    oss.faults()
        .script(
            Operation.PutObject,
            FaultSpec.serviceUnavailable(),
            FaultSpec.slowDown(),
            FaultSpec.pass(),
            FaultSpec.resetRequest(-1));
    byte[] a = h.file("a.txt", 50_000);
    byte[] b = h.file("b.txt", 50_000);
    h.sysKeys.put("workerTaskThreadNum", "1"); // a's three attempts, then b's two
    TaskId id = h.dispatch(h.entries("a.txt", "b.txt"));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    h.assertStored("a.txt", a);
    h.assertStored("b.txt", b);
    List<AuditRecord> audit = h.audit(id);
    assertEquals(2, count(audit, AuditResult.RETRY, ReasonCode.SERVER_ERROR), audit.toString());
    assertEquals(1, count(audit, AuditResult.RETRY, ReasonCode.NETWORK), audit.toString());
    assertEquals(2, count(audit, AuditResult.OK, null));
  }

  @Test
  void aFailedPartIsRetriedAloneAndTheLargeObjectArrives() throws Exception {
    oss.faults().script(Operation.UploadPart, FaultSpec.pass(), FaultSpec.internalError());
    byte[] big = h.file("big.bin", 1_100_000);
    TaskId id = h.dispatch(h.entries("big.bin"));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(5, h.requests(Operation.UploadPart), "4 parts and one retried");
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload));
    h.assertStored("big.bin", big);
  }

  @Test
  void anUnexpectedExceptionFailsTheObjectAsUnknownAndTheOthersGoOn() throws Exception {
    h.file("bug.txt", 10);
    byte[] fine = h.file("fine.txt", 10);
    TaskId id = h.dispatch(h.entries("bug.txt", "fine.txt"));
    h.sourceWrapper = s -> hooked = new HookedSource(s).breakStat("bug.txt");

    TaskOutcome outcome = h.run(id);

    assertOnlyFailure(outcome, id, ReasonCode.UNKNOWN, "bug.txt");
    h.assertStored("fine.txt", fine);
    assertTrue(h.eventText().contains("ERROR unexpected error on dest/bug.txt"), h.eventText());
  }

  @Test
  void anUnexpectedExceptionAbortsWhenConfiguredTo() throws Exception {
    h.sysKeys.put("workerAbortWhenUncatchedException", "true");
    h.sysKeys.put("workerTaskThreadNum", "1");
    h.file("bug.txt", 10);
    h.file("later.txt", 10);
    TaskId id = h.dispatch(h.entries("bug.txt", "later.txt"));
    h.sourceWrapper = s -> hooked = new HookedSource(s).breakStat("bug.txt");

    WorkerAbortException e = assertThrows(WorkerAbortException.class, () -> h.run(id));

    assertEquals("dest/bug.txt", e.destinationKey());
    assertTrue(e.getCause() instanceof IllegalStateException);
    assertFalse(h.exists("later.txt"), "nothing starts after the abort");
    assertEquals(
        RecordedProgress.EntryState.FAILED,
        h.progress(id).entry(0).state(),
        "the failure is on record");
  }

  private void assertOnlyFailure(
      TaskOutcome outcome, TaskId id, ReasonCode reason, String reference) throws Exception {
    assertEquals(TaskStatus.FAILED, outcome.status());
    assertEquals(
        Collections.singletonList(new ErrorEntry(reason, reference, "dest/" + reference)),
        outcome.errors());
    List<AuditRecord> audit = h.audit(id);
    AuditRecord last = null;
    for (AuditRecord r : audit) {
      last = r.destination().equals("dest/" + reference) ? r : last;
    }
    assertEquals(AuditResult.FAILED, last.result(), audit.toString());
    assertEquals(reason, last.reason());
    assertEquals(RecordedProgress.EntryState.FAILED, h.progress(id).entry(0).state());
    assertEquals(reason, h.progress(id).entry(0).reason());
    assertTrue(
        h.eventText().contains("dest/" + reference) && h.eventText().contains(reason.name()),
        h.eventText());
  }

  private static int count(List<AuditRecord> audit, AuditResult result, ReasonCode reason) {
    List<AuditRecord> matching = new ArrayList<>();
    for (AuditRecord r : audit) {
      if (r.result() == result && r.reason() == reason) {
        matching.add(r);
      }
    }
    return matching.size();
  }
}
