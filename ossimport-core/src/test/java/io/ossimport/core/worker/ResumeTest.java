package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.EntryCounts;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A task resumed from its progress log and multipart records sends only what is missing. */
@ExtendWith(OssEmulatorExtension.class)
class ResumeTest {
  static final int PART = 300 * 1024;

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
  void entriesDoneInAnEarlierRunAreNotSentAgain() throws Exception {
    for (String n : Arrays.asList("a", "b", "c", "d")) {
      h.file(n, 1000);
    }
    TaskId id = h.dispatch(h.entries("a", "b", "c", "d"));
    try (ProgressLog log = h.files(id).openProgressLog()) {
      log.begin(0);
      log.done(0, 1L, "etag-a");
      log.done(2, 2L, "etag-c");
      log.failed(3, ReasonCode.SOURCE_NOT_FOUND);
    }
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(1, h.requests(Operation.PutObject), "only b is sent");
    assertEquals(1, oss.counters().total());
    assertFalse(h.exists("a"));
    assertEquals(1, outcome.errors().size(), "d failed for good in the earlier run");
    assertEquals(ReasonCode.SOURCE_NOT_FOUND, outcome.errors().get(0).reason());
    assertEquals(1, h.audit(id).size());
  }

  @Test
  void theCountsOfATaskResumedAfterACrashIncludeWhatTheCrashedRunEnded() throws Exception {
    for (String n : Arrays.asList("a", "b", "c", "d", "e")) {
      h.file(n, 1000 * (n.charAt(0) - 'a' + 1)); // a 1000 bytes ... e 5000
    }
    TaskId id = h.dispatch(h.entries("a", "b", "c", "d", "e"));
    try (ProgressLog log = h.files(id).openProgressLog()) { // what a run killed -9 left
      log.begin(0);
      log.done(0, 1L, "etag-a"); // uploaded
      log.done(1, null, null); // skipped on purpose
      log.failed(3, ReasonCode.SOURCE_NOT_FOUND);
    }
    Files.delete(h.src.resolve("e")); // fails in this run

    TaskOutcome outcome = h.run(id);

    // a, b (skipped) and c are done, d (earlier) and e (now) failed; sizes are the TASK entries'
    assertEquals(new EntryCounts(3, 6000, 1, 2000, 2, 9000), outcome.counts());
    assertEquals(2, outcome.errors().size());
  }

  @Test
  void aBegunObjectThatOssHoldsCompleteCostsOneHeadAndIsNotSentAgain() throws Exception {
    byte[] a = h.file("a.bin", 50_000);
    h.client.putObject(h.bucket, "dest/a.bin", new ByteArrayInputStream(a));
    TaskId id = h.dispatch(h.entries("a.bin"));
    begin(id, 0);
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(1, h.requests(Operation.HeadObject));
    assertEquals(1, oss.counters().total());
    assertEquals(AuditResult.OK, h.audit(id).get(0).result());
    assertEquals(Long.valueOf(WorkerHarness.crc64(a)), h.progress(id).entry(0).crc64());
  }

  @Test
  void aBegunObjectThatOssHoldsWithOtherContentIsSentAgain() throws Exception {
    byte[] a = h.file("a.bin", 50_000);
    h.client.putObject(
        h.bucket, "dest/a.bin", new ByteArrayInputStream(WorkerHarness.bytes(50_000, 99)));
    TaskId id = h.dispatch(h.entries("a.bin"));
    begin(id, 0);
    oss.counters().reset();

    h.run(id);

    assertEquals(1, h.requests(Operation.HeadObject));
    assertEquals(1, h.requests(Operation.PutObject));
    h.assertStored("a.bin", a);
  }

  @Test
  void aMultipartUploadWithTwoOfFourPartsRecordedUploadsOnlyTheOtherTwo() throws Exception {
    byte[] big = h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    String uploadId = initiate("dest/big.bin");
    try (MultipartRecord record = h.files(id).openMultipartRecord(0)) {
      record.startUpload(uploadId, PART, "dest/big.bin");
      for (int n = 1; n <= 2; n++) {
        byte[] part = Arrays.copyOfRange(big, (n - 1) * PART, n * PART);
        record.partDone(
            n, uploadPart("dest/big.bin", uploadId, n, part), WorkerHarness.crc64(part));
      }
    }
    begin(id, 0);
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(2, h.requests(Operation.UploadPart));
    assertEquals(1, h.requests(Operation.ListParts));
    assertEquals(0, h.requests(Operation.InitiateMultipartUpload));
    assertEquals(1, h.requests(Operation.CompleteMultipartUpload));
    h.assertStored("big.bin", big);
    assertEquals(RecordedProgress.EntryState.DONE, h.progress(id).entry(0).state());
  }

  @Test
  void aRecordedUploadThatOssNoLongerKnowsIsStartedAnew() throws Exception {
    byte[] big = h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    String uploadId = initiate("dest/big.bin");
    try (MultipartRecord record = h.files(id).openMultipartRecord(0)) {
      record.startUpload(uploadId, PART, "dest/big.bin");
      byte[] part = Arrays.copyOfRange(big, 0, PART);
      record.partDone(1, uploadPart("dest/big.bin", uploadId, 1, part), WorkerHarness.crc64(part));
    }
    h.client.abortMultipartUpload(
        new com.aliyun.oss.model.AbortMultipartUploadRequest(h.bucket, "dest/big.bin", uploadId));
    begin(id, 0);
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload));
    assertEquals(4, h.requests(Operation.UploadPart));
    h.assertStored("big.bin", big);
  }

  @Test
  void aRecordedUploadWithAnotherPartSizeIsAbortedAndStartedAnew() throws Exception {
    byte[] big = h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    String stale = initiate("dest/big.bin");
    try (MultipartRecord record = h.files(id).openMultipartRecord(0)) {
      record.startUpload(stale, 200 * 1024, "dest/big.bin");
      byte[] part = Arrays.copyOfRange(big, 0, 200 * 1024);
      record.partDone(1, uploadPart("dest/big.bin", stale, 1, part), WorkerHarness.crc64(part));
    }
    begin(id, 0);
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, h.requests(Operation.AbortMultipartUpload));
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload));
    assertEquals(4, h.requests(Operation.UploadPart));
    h.assertStored("big.bin", big);
    assertEquals(
        0,
        h.client
            .listMultipartUploads(new com.aliyun.oss.model.ListMultipartUploadsRequest(h.bucket))
            .getMultipartUploads()
            .size());
  }

  @Test
  void aBegunLargeObjectCompletedBeforeTheCrashIsRecognisedFromItsRecord() throws Exception {
    byte[] big = h.file("big.bin", 1_200_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    String uploadId = initiate("dest/big.bin");
    List<PartETag> parts = new ArrayList<>();
    try (MultipartRecord record = h.files(id).openMultipartRecord(0)) {
      record.startUpload(uploadId, PART, "dest/big.bin");
      for (int n = 1; n <= 4; n++) {
        byte[] part = Arrays.copyOfRange(big, (n - 1) * PART, Math.min(big.length, n * PART));
        String etag = uploadPart("dest/big.bin", uploadId, n, part);
        record.partDone(n, etag, WorkerHarness.crc64(part));
        parts.add(new PartETag(n, etag));
      }
    }
    h.client.completeMultipartUpload(
        new com.aliyun.oss.model.CompleteMultipartUploadRequest(
            h.bucket, "dest/big.bin", uploadId, parts));
    begin(id, 0);
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(1, oss.counters().total(), "one HEAD: " + oss.counters().toJson());
    assertFalse(h.files(id).multipartUploads().findAny().isPresent());
  }

  private void begin(TaskId id, int index) throws Exception {
    try (ProgressLog log = h.files(id).openProgressLog()) {
      log.begin(index);
    }
  }

  private String initiate(String key) {
    return h.client
        .initiateMultipartUpload(new InitiateMultipartUploadRequest(h.bucket, key))
        .getUploadId();
  }

  private String uploadPart(String key, String uploadId, int n, byte[] data) {
    return h.client
        .uploadPart(
            new UploadPartRequest(
                h.bucket, key, uploadId, n, new ByteArrayInputStream(data), data.length))
        .getETag();
  }
}
