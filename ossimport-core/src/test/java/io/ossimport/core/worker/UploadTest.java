package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Objects of every shape arrive intact, each for the fewest requests. */
@ExtendWith(OssEmulatorExtension.class)
class UploadTest {
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
  void smallAndEmptyFilesCostExactlyOnePutEachAndNoHead() throws Exception {
    byte[] a = h.file("a.txt", 1000);
    byte[] b = h.file("dir/b.bin", 64 * 1024);
    byte[] empty = h.file("empty", 0);
    byte[] c = h.file("dir/sub/c.dat", 1);
    TaskId id = h.dispatch(h.entries("a.txt", "dir/b.bin", "empty", "dir/sub/c.dat"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(4, h.requests(Operation.PutObject));
    assertEquals(0, h.requests(Operation.HeadObject));
    assertEquals(0, h.requests(Operation.GetObjectMeta));
    assertEquals(4, oss.counters().total(), oss.counters().toJson());
    h.assertStored("a.txt", a);
    h.assertStored("dir/b.bin", b);
    h.assertStored("empty", empty);
    h.assertStored("dir/sub/c.dat", c);
  }

  @Test
  void eachUploadIsAuditedAndMarkedDoneWithItsCrc() throws Exception {
    byte[] a = h.file("a.txt", 5000);
    byte[] empty = h.file("empty", 0);
    TaskId id = h.dispatch(h.entries("a.txt", "empty"));

    h.run(id);

    List<AuditRecord> audit = h.audit(id);
    assertEquals(2, audit.size(), audit.toString());
    for (AuditRecord r : audit) {
      assertEquals(AuditResult.OK, r.result());
      assertEquals(1, r.attempt());
    }
    AuditRecord first = audit.get(0).destination().endsWith("a.txt") ? audit.get(0) : audit.get(1);
    assertEquals(Long.valueOf(WorkerHarness.crc64(a)), first.crc64());
    assertEquals(a.length, first.size());
    RecordedProgress progress = h.progress(id);
    assertEquals(2, progress.count(RecordedProgress.EntryState.DONE));
    assertEquals(Long.valueOf(WorkerHarness.crc64(a)), progress.entry(0).crc64());
    assertEquals(Long.valueOf(WorkerHarness.crc64(empty)), progress.entry(1).crc64());
    assertNotNull(progress.entry(0).etag());
  }

  @Test
  void namesWithSpacesUnicodeAndTabsArriveUnderTheirOwnKeys() throws Exception {
    List<String> names =
        Arrays.asList(
            "with space.txt", "中文/报告 2024.txt", "tab\there.txt", "emoji 😀.bin", "#hash%25.txt");
    for (String n : names) {
      h.file(n, 300 + n.length());
    }
    TaskId id = h.dispatch(h.entries(names.toArray(new String[0])));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    for (String n : names) {
      h.assertStored(n, java.nio.file.Files.readAllBytes(h.src.resolve(n)));
    }
  }

  @Test
  void aFileNameWithALineFeedFailsAsInvalidKeyWithoutAnyRequest() throws Exception {
    h.file("line\nfeed.txt", 10);
    byte[] ok = h.file("fine.txt", 10);
    TaskId id = h.dispatch(h.entries("line\nfeed.txt", "fine.txt"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.FAILED, outcome.status());
    assertEquals(1, outcome.errors().size());
    assertEquals(ReasonCode.INVALID_KEY, outcome.errors().get(0).reason());
    assertEquals("line\nfeed.txt", outcome.errors().get(0).source());
    assertEquals(1, oss.counters().total(), "only the valid object is sent");
    h.assertStored("fine.txt", ok);
    assertTrue(h.eventText().contains("INVALID_KEY"), h.eventText());
  }

  @Test
  void aFileAboveTheThresholdGoesUpInPartsAndArrivesIntact() throws Exception {
    byte[] big = h.file("big.bin", 1_250_000); // 300 KB parts: 4 full and one of 21,200 bytes
    byte[] exact = h.file("exact.bin", 1024 * 1024); // at the threshold: one PUT
    TaskId id = h.dispatch(h.entries("big.bin", "exact.bin"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, h.requests(Operation.InitiateMultipartUpload));
    assertEquals(5, h.requests(Operation.UploadPart));
    assertEquals(1, h.requests(Operation.CompleteMultipartUpload));
    assertEquals(1, h.requests(Operation.PutObject));
    h.assertStored("big.bin", big);
    h.assertStored("exact.bin", exact);
    assertFalse(
        h.files(id).multipartUploads().findAny().isPresent(), "the record goes with the upload");
    assertEquals(Long.valueOf(WorkerHarness.crc64(big)), h.progress(id).entry(0).crc64());
  }

  @Test
  void contentTypeEncryptionAndSourceMd5AreSetWhenConfigured() throws Exception {
    h.jobKeys.put("isServerSideEncryption", "true");
    h.sysKeys.put("workerRecordMd5", "true");
    byte[] photo = h.file("photo.jpg", 2000);
    byte[] big = h.file("big.txt", 1_100_000);
    TaskId id = h.dispatch(h.entries("photo.jpg", "big.txt"));

    h.run(id);

    ObjectMetadata small = h.client.getObjectMetadata(h.bucket, "dest/photo.jpg");
    assertEquals("image/jpeg", small.getContentType());
    assertEquals("AES256", small.getServerSideEncryption());
    assertEquals(md5Hex(photo), small.getUserMetadata().get("md5"));
    ObjectMetadata large = h.client.getObjectMetadata(h.bucket, "dest/big.txt");
    assertEquals("text/plain", large.getContentType());
    assertEquals("AES256", large.getServerSideEncryption());
    assertEquals(md5Hex(big), large.getUserMetadata().get("md5"));
    h.assertStored("big.txt", big);
  }

  @Test
  void withoutOptionsNoMd5NorEncryptionIsRequested() throws Exception {
    h.file("plain.bin", 100);
    h.run(h.dispatch(h.entries("plain.bin")));

    ObjectMetadata m = h.client.getObjectMetadata(h.bucket, "dest/plain.bin");
    assertFalse(m.getUserMetadata().containsKey("md5"));
    assertEquals(null, m.getServerSideEncryption());
  }

  static String md5Hex(byte[] data) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (byte b : MessageDigest.getInstance("MD5").digest(data)) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
