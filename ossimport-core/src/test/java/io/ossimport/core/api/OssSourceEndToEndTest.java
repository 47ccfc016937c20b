package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srcType=oss} end to end: bucket A/prefix → bucket B/destPrefix through submit, start and
 * awaitJob, by server-side copy (same endpoint and AccessKey) or by download and upload (other
 * credentials, or a copy OSS refuses), with content type and user metadata preserved.
 */
class OssSourceEndToEndTest {
  private static final long MINUTE = 60_000;
  private static final String OTHER_KEY = "second-access-key";
  private static final String OTHER_SECRET = "second-secret";
  private static final String SRC_PREFIX = "photos/";
  private static final int BIG = 1300 * 1024; // 6 parts of 256 KB above the 1 MB threshold
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private static OssEmulator oss;

  @TempDir Path temp;
  private ImportFixture f;
  private String srcBucket;

  /** Source objects under {@link #SRC_PREFIX}, by reference. */
  private final Map<String, byte[]> objects = new LinkedHashMap<>();

  /** The emulator's request counts when the job ended. */
  private Map<Operation, Long> requests;

  @BeforeAll
  static void startEmulator() throws IOException {
    oss =
        OssEmulator.builder()
            .inMemory()
            .credentials(OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_SECRET)
            .credentials(OTHER_KEY, OTHER_SECRET)
            .build()
            .start();
  }

  @AfterAll
  static void stopEmulator() throws IOException {
    oss.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    f = new ImportFixture(oss, temp);
    srcBucket = "source-" + BUCKETS.incrementAndGet();
    oss.createBucket(srcBucket);
    f.job.put("srcType", "oss");
    f.job.put("srcDomain", oss.endpoint());
    f.job.put("srcBucket", srcBucket);
    f.job.put("srcPrefix", SRC_PREFIX);
    f.job.put("srcAccessKey", oss.accessKeyId());
    f.job.put("srcSecretKey", oss.secretAccessKey());
    object("a.jpg", 3000, "image/jpeg", "camera", "x100");
    object("2026/b.txt", 10, "text/plain; charset=utf-8", "author", "ada");
    object("2026/empty/", 0, null, null, null); // a folder made in the console
    object("big/c.bin", BIG, "application/x-custom", "origin", "multipart");
    f.client.putObject(srcBucket, "elsewhere/d.txt", new ByteArrayInputStream(new byte[5]));
    oss.faults().clear();
    oss.counters().reset();
  }

  @AfterEach
  void tearDown() {
    oss.faults().clear();
    f.close();
  }

  @Test
  void sameEndpointAndKeyCopyInsideOssWithMetadataAndWithoutADownload() throws Exception {
    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertAllCopied();
    assertEquals(4, status.doneObjects(), "elsewhere/ is outside srcPrefix");
    assertEquals(3, count(Operation.CopyObject), "the small objects");
    assertEquals(6, count(Operation.UploadPartCopy), "the parts of the big one");
    assertEquals(0, count(Operation.GetObject), "nothing downloaded");
    assertEquals(0, count(Operation.PutObject) + count(Operation.UploadPart));
  }

  @Test
  void otherCredentialsDownloadAndUploadWithMetadata() throws Exception {
    f.job.put("srcAccessKey", OTHER_KEY);
    f.job.put("srcSecretKey", OTHER_SECRET);

    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertAllCopied();
    assertEquals(0, count(Operation.CopyObject));
    assertEquals(0, count(Operation.UploadPartCopy));
    assertEquals(3, count(Operation.PutObject));
    assertEquals(6, count(Operation.UploadPart));
    assertEquals(
        2 + 6, count(Operation.GetObject), "each part read once; the empty one not at all");
  }

  @Test
  void aCopyRefusedWithAccessDeniedFallsBackToDownloadForTheRestOfTheJob() throws Exception {
    f.sys.put("workerTaskThreadNum", "1"); // one object at a time: exactly one refusal
    oss.faults().always(Operation.CopyObject, FaultSpec.error(403, "AccessDenied"));
    oss.faults().always(Operation.UploadPartCopy, FaultSpec.error(403, "AccessDenied"));

    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertAllCopied();
    assertEquals(
        1,
        count(Operation.CopyObject) + count(Operation.UploadPartCopy),
        "refused once, then never asked again");
    assertEquals(3, count(Operation.PutObject));
    assertEquals(6, count(Operation.UploadPart));
    assertEquals(1, f.events.messagesContaining("OSS refused to copy").size(), f.events.text());
  }

  @Test
  void aRefusedPartCopyAbortsItsUploadAndUploadsTheObjectInstead() throws Exception {
    objects.clear();
    f.job.put("srcPrefix", SRC_PREFIX + "big/");
    objects.put("c.bin", bytes("big/c.bin"));
    oss.faults().always(Operation.UploadPartCopy, FaultSpec.error(403, "AccessDenied"));

    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertAllCopied();
    assertTrue(count(Operation.AbortMultipartUpload) >= 1, "the copy's upload");
    assertEquals(6, count(Operation.UploadPart));
    assertTrue(oss.store().uploads(f.bucket).isEmpty(), "no upload left behind");
  }

  @Test
  void aMissingSourceBucketAbortsTheJobNamingItAndTheDomain() throws Exception {
    f.job.put("srcBucket", "no-such-source");

    JobStatus status = runJob();

    assertEquals(JobState.Abort, status.state(), f.events.text());
    String abort = String.join("\n", f.events.messagesContaining("job Abort"));
    assertTrue(abort.contains("srcBucket=no-such-source"), abort);
    assertTrue(abort.contains("srcDomain=" + oss.endpoint()), abort);
    assertTrue(abort.contains("NoSuchBucket"), abort);
    assertFalse(f.events.everything().contains(oss.secretAccessKey()), "no secret in events");
  }

  private JobStatus runJob() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(ImportFixture.JOB, MINUTE);
    }
    requests = oss.counters().snapshot(); // before the checks add their own
    return status;
  }

  private long count(Operation op) {
    Long n = requests.get(op);
    return n == null ? 0 : n;
  }

  private void object(String reference, int size, String type, String metaName, String metaValue) {
    byte[] content = new byte[size];
    new Random(reference.hashCode()).nextBytes(content);
    ObjectMetadata meta = new ObjectMetadata();
    if (type != null) {
      meta.setContentType(type);
    }
    if (metaName != null) {
      meta.addUserMetadata(metaName, metaValue);
    }
    f.client.putObject(srcBucket, SRC_PREFIX + reference, new ByteArrayInputStream(content), meta);
    objects.put(reference, content);
  }

  private byte[] bytes(String reference) throws IOException {
    try (OSSObject o = f.client.getObject(srcBucket, SRC_PREFIX + reference)) {
      return readAll(o.getObjectContent());
    }
  }

  /** Every source object is in the destination with its bytes, CRC-64, type and metadata. */
  private void assertAllCopied() throws IOException {
    String prefix = f.job.get("srcPrefix");
    for (Map.Entry<String, byte[]> e : objects.entrySet()) {
      f.assertStored(e.getKey(), e.getValue());
      ObjectMetadata source = f.client.getObjectMetadata(srcBucket, prefix + e.getKey());
      ObjectMetadata copied =
          f.client.getObjectMetadata(f.bucket, ImportFixture.DEST_PREFIX + e.getKey());
      assertEquals(source.getContentType(), copied.getContentType(), "type of " + e.getKey());
      assertEquals(source.getUserMetadata(), copied.getUserMetadata(), "meta of " + e.getKey());
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
