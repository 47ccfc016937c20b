package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit task over a source that reports what remote sources do (content type, user metadata,
 * checksums): what each mode compares, and that it only ever sends HEADs.
 */
@ExtendWith(OssEmulatorExtension.class)
class ObjectAuditTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;
  final Map<String, UnaryOperator<ObjectStat>> reports = new ConcurrentHashMap<>();
  final AtomicInteger opens = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.sourceWrapper = s -> new ReportingSource(s, reports, opens);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void generalComparesTheContentTypeAndUserMetadataTheSourceReports() throws Exception {
    importFiles("typed.txt", "mistyped.txt", "meta.bin", "othermeta.bin", "nometa.bin");
    putWithAuthor("meta.bin", "alice");
    putWithAuthor("othermeta.bin", "bob");
    h.jobKeys.put("jobType", "audit");
    h.jobKeys.put("auditMode", "general");
    oss.counters().reset();
    TaskId id = h.dispatch(h.entries("typed.txt", "mistyped.txt", "meta.bin", "othermeta.bin"));
    TaskId nometa = h.dispatch(h.entries("nometa.bin"));

    reportHeaders();
    TaskOutcome outcome = h.run(id);
    TaskOutcome missingMeta = h.run(nometa);

    assertEquals(TaskStatus.FAILED, outcome.status());
    Map<String, ReasonCode> expected = new TreeMap<>();
    expected.put("mistyped.txt", ReasonCode.TYPE_NOT_MATCH);
    expected.put("othermeta.bin", ReasonCode.META_NOT_MATCH);
    assertEquals(expected, reasons(outcome));
    assertEquals(
        Collections.singletonMap("nometa.bin", ReasonCode.META_NOT_MATCH), reasons(missingMeta));
    assertEquals(AuditResult.OK, line(id, "typed.txt").result());
    assertEquals(AuditResult.OK, line(id, "meta.bin").result());
    assertEquals(5, h.requests(Operation.HeadObject));
    assertEquals(5, oss.counters().total(), "HEADs only: " + oss.counters().toJson());
    assertEquals(0, opens.get(), "general never reads the source");
    assertFalse(h.eventText().contains("alice"), "metadata values stay out of the events");
  }

  @Test
  void simpleLooksAtTheSizeOnly() throws Exception {
    importFiles("mistyped.txt", "nometa.bin");
    h.jobKeys.put("jobType", "audit");
    h.jobKeys.put("auditMode", "simple");
    oss.counters().reset();
    TaskId id = h.dispatch(h.entries("mistyped.txt", "nometa.bin"));

    reportHeaders();
    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(2, oss.counters().total(), oss.counters().toJson());
    assertEquals(2, h.progress(id).count(EntryState.DONE));
  }

  @Test
  void detailedUsesTheChecksumsTheSourceReportsAndReadsOnlyWhatHasNone() throws Exception {
    byte[] crc = h.file("crc.bin", 3000);
    byte[] wrongCrc = h.file("wrongcrc.bin", 3000);
    byte[] md5 = h.file("md5.bin", 3000);
    h.file("wrongmd5.bin", 3000);
    h.file("plain.bin", 3000);
    importFiles("crc.bin", "wrongcrc.bin", "md5.bin", "wrongmd5.bin", "plain.bin");
    h.jobKeys.put("jobType", "audit");
    h.jobKeys.put("auditMode", "detailed");
    oss.counters().reset();
    TaskId id = h.dispatch(h.entries("crc.bin", "wrongcrc.bin", "md5.bin", "wrongmd5.bin"));
    TaskId plain = h.dispatch(h.entries("plain.bin"));

    reports.put("crc.bin", st -> st.withCrc64(WorkerHarness.crc64(crc)));
    reports.put("wrongcrc.bin", st -> st.withCrc64(WorkerHarness.crc64(wrongCrc) + 1));
    reports.put("md5.bin", st -> st.withMd5Hex(md5Hex(md5)));
    reports.put("wrongmd5.bin", st -> st.withMd5Hex(md5Hex(new byte[0])));
    opens.set(0);
    TaskOutcome outcome = h.run(id);
    int opensWithReports = opens.get();
    TaskOutcome read = h.run(plain);

    Map<String, ReasonCode> expected = new TreeMap<>();
    expected.put("wrongcrc.bin", ReasonCode.CRC_NOT_MATCH);
    expected.put("wrongmd5.bin", ReasonCode.MD5_NOT_MATCH);
    assertEquals(expected, reasons(outcome), "equal bytes, so the reported values were used");
    assertEquals(0, opensWithReports, "a reported checksum spares reading the source");
    assertEquals(TaskStatus.COMPLETED, read.status(), read.errors().toString());
    assertEquals(1, opens.get(), "without a report the source is read once");
    assertEquals(5, oss.counters().total(), "HEADs only: " + oss.counters().toJson());
  }

  @Test
  void aSourceGoneSinceTheScanFailsAsSourceNotFoundWithoutAnyRequest() throws Exception {
    importFiles("gone.txt");
    h.jobKeys.put("jobType", "audit");
    TaskId id = h.dispatch(h.entries("gone.txt"));
    Files.delete(h.src.resolve("gone.txt"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(
        Collections.singletonMap("gone.txt", ReasonCode.SOURCE_NOT_FOUND), reasons(outcome));
    assertEquals(0, oss.counters().total());
  }

  /** Writes (if missing) and uploads the files with an import task. */
  private void importFiles(String... references) throws Exception {
    for (String r : references) {
      if (!Files.exists(h.src.resolve(r))) {
        h.file(r, 100 + r.length());
      }
    }
    TaskOutcome imported = h.run(h.dispatch(h.entries(references)));
    assertEquals(TaskStatus.COMPLETED, imported.status(), imported.errors().toString());
  }

  /** From now on the source reports the general-mode headers of these files. */
  private void reportHeaders() {
    reports.put("typed.txt", st -> st.withContentType("Text/Plain"));
    reports.put("mistyped.txt", st -> st.withContentType("image/png"));
    reports.put("meta.bin", st -> st.withUserMetadata(author("alice")));
    reports.put("othermeta.bin", st -> st.withUserMetadata(author("alice")));
    reports.put("nometa.bin", st -> st.withUserMetadata(author("alice")));
    opens.set(0);
  }

  private void putWithAuthor(String reference, String author) {
    byte[] content = readQuietly(reference);
    ObjectMetadata meta = new ObjectMetadata();
    meta.addUserMetadata("author", author);
    h.client.putObject(
        h.bucket, WorkerHarness.DEST_PREFIX + reference, new ByteArrayInputStream(content), meta);
  }

  private byte[] readQuietly(String reference) {
    try {
      return Files.readAllBytes(h.src.resolve(reference));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private AuditRecord line(TaskId id, String reference) throws Exception {
    for (AuditRecord r : h.audit(id)) {
      if (r.destination().equals(WorkerHarness.DEST_PREFIX + reference)) {
        return r;
      }
    }
    throw new AssertionError("no audit line for " + reference);
  }

  private static Map<String, ReasonCode> reasons(TaskOutcome outcome) {
    Map<String, ReasonCode> reasons = new TreeMap<>();
    for (ErrorEntry e : outcome.errors()) {
      reasons.put(e.source(), e.reason());
    }
    return reasons;
  }

  private static Map<String, String> author(String name) {
    return Collections.singletonMap("author", name);
  }

  private static String md5Hex(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(data);
      return String.format("%032x", new BigInteger(1, d));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
