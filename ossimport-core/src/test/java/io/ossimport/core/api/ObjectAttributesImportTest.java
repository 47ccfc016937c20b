package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.TagSet;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The object attribute keys through a whole job (submit, start, the worker's requests through
 * aliyun-sdk-oss, the emulator storing them), read back with a separate client: a single PUT and a
 * multipart upload from a local source, a server-side copy from an OSS source with and without
 * keepSourceAttributes, and the bad values that submit refuses.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class ObjectAttributesImportTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  private ImportFixture f;

  private String dest(String reference) {
    return ImportFixture.DEST_PREFIX + reference;
  }

  @Test
  void everyAttributeIsOnTheSinglePutAndOnTheMultipartObject() throws Exception {
    byte[] small = f.file("small.txt", 2000);
    byte[] big = f.file("big.bin", 1300 * 1024); // over the fixture's 1m threshold
    f.job.put("storageClass", "IA");
    f.job.put("objectAcl", "private");
    f.job.put("objectTagging", "project=photos&owner=Jane Doe");
    f.job.put(
        "objectHeaders",
        "Cache-Control: max-age=3600#Content-Disposition: attachment"
            + "#Content-Type: application/x-test#x-oss-meta-Origin: ossimport");
    f.job.put("serverSideEncryption", "KMS");
    f.job.put("serverSideEncryptionKeyId", "key-1");
    oss.counters().reset();

    JobStatus status = run();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(0, status.failedObjects(), "the after-import audit expects the Content-Type set");
    assertEquals(1, oss.counters().get(Operation.PutObject));
    // submit's preflight (aborted at once) and the upload; parts carry none of the attributes
    assertEquals(2, oss.counters().get(Operation.InitiateMultipartUpload));
    for (String reference : new String[] {"small.txt", "big.bin"}) {
      String key = dest(reference);
      ObjectMetadata m = f.client.getObjectMetadata(f.bucket, key);
      assertEquals("IA", m.getObjectStorageClass().toString(), key);
      assertEquals("max-age=3600", m.getCacheControl(), key);
      assertEquals("attachment", m.getContentDisposition(), key);
      assertEquals("application/x-test", m.getContentType(), key);
      assertEquals("ossimport", m.getUserMetadata().get("origin"), key);
      assertEquals("KMS", m.getServerSideEncryption(), key);
      assertEquals("key-1", m.getServerSideEncryptionKeyId(), key);
      Map<String, String> tags = new LinkedHashMap<String, String>();
      tags.put("project", "photos");
      tags.put("owner", "Jane Doe");
      assertEquals(tags, f.client.getObjectTagging(f.bucket, key).getAllTags(), key);
      assertEquals("private", f.client.getObjectAcl(f.bucket, key).getPermission().toString(), key);
    }
    f.assertStored("small.txt", small);
    f.assertStored("big.bin", big);
  }

  @Test
  void withTheDefaultsNoAttributeIsSentAsTheOriginal() throws Exception {
    f.file("plain.txt", 100);

    assertEquals(JobState.Succeed, run().state(), f.events.text());

    ObjectMetadata m = f.client.getObjectMetadata(f.bucket, dest("plain.txt"));
    assertEquals("Standard", m.getObjectStorageClass().toString());
    assertNull(m.getCacheControl());
    assertNull(m.getServerSideEncryption());
    assertNull(m.getRawMetadata().get("x-oss-tagging-count"));
    assertEquals(
        "default", f.client.getObjectAcl(f.bucket, dest("plain.txt")).getPermission().toString());
  }

  @Test
  void archiveObjectsAreWrittenAndVerifiedWithoutReadingThemBack() throws Exception {
    f.file("cold.txt", 100);
    f.file("cold.bin", 1300 * 1024);
    f.job.put("storageClass", "Archive");

    JobStatus status = run();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    for (String reference : new String[] {"cold.txt", "cold.bin"}) {
      assertEquals(
          "Archive",
          f.client.getObjectMetadata(f.bucket, dest(reference)).getObjectStorageClass().toString());
      OSSException e =
          assertThrows(OSSException.class, () -> f.client.getObject(f.bucket, dest(reference)));
      assertEquals("InvalidObjectState", e.getErrorCode());
    }
  }

  @Test
  void aServerSideCopyKeepsTheSourcesHeadersClassAndTagsWhenAsked() throws Exception {
    String srcBucket = ossSource();
    ObjectMetadata meta = new ObjectMetadata();
    meta.setCacheControl("no-cache");
    meta.setContentDisposition("inline");
    meta.setHeader("x-oss-storage-class", "IA");
    meta.setHeader("x-oss-tagging", "from=source");
    f.client.putObject(srcBucket, "in/a.txt", new ByteArrayInputStream(new byte[] {1, 2}), meta);
    f.job.put("keepSourceAttributes", "true");
    oss.counters().reset();

    assertEquals(JobState.Succeed, run().state(), f.events.text());

    assertEquals(1, oss.counters().get(Operation.CopyObject), "copied by OSS");
    ObjectMetadata m = f.client.getObjectMetadata(f.bucket, dest("a.txt"));
    assertEquals("no-cache", m.getCacheControl());
    assertEquals("inline", m.getContentDisposition());
    assertEquals("IA", m.getObjectStorageClass().toString());
    assertEquals("source", f.client.getObjectTagging(f.bucket, dest("a.txt")).getTag("from"));
  }

  @Test
  void aServerSideCopyWithoutKeepSourceAttributesDropsTheHeadersAndJobTagsReplaceTheSources()
      throws Exception {
    String srcBucket = ossSource();
    ObjectMetadata meta = new ObjectMetadata();
    meta.setCacheControl("no-cache");
    meta.setHeader("x-oss-tagging", "from=source");
    f.client.putObject(srcBucket, "in/a.txt", new ByteArrayInputStream(new byte[] {1, 2}), meta);
    f.job.put("objectTagging", "from=job");
    f.job.put("storageClass", "ColdArchive");

    assertEquals(JobState.Succeed, run().state(), f.events.text());

    ObjectMetadata m = f.client.getObjectMetadata(f.bucket, dest("a.txt"));
    assertNull(m.getCacheControl());
    assertEquals("ColdArchive", m.getObjectStorageClass().toString());
    TagSet tags = f.client.getObjectTagging(f.bucket, dest("a.txt"));
    assertEquals(1, tags.getAllTags().size(), tags.getAllTags().toString());
    assertEquals("job", tags.getTag("from"));
  }

  @Test
  void submitRefusesEveryBadValueWithOneProblemNamingKeyValueAndFixAndWritesNothing()
      throws Exception {
    StringBuilder eleven = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      eleven.append(i == 1 ? "" : "&").append("k").append(i).append("=v");
    }
    String[][] bad = {
      {"storageClass", "Glacier", "must be one of Standard, IA, Archive, ColdArchive"},
      {"objectAcl", "public", "must be one of default, private, public-read"},
      {"objectTagging", eleven.toString(), "has 11 tags; OSS allows at most 10"},
      {"objectTagging", "k=" + repeat('v', 257), "OSS allows at most 256"},
      {"objectTagging", repeat('k', 129) + "=v", "OSS allows at most 128"},
      {"objectHeaders", "Content-Length: 1", "which is not one a job may set"},
      {"serverSideEncryption", "RSA", "must be one of AES256, KMS, SM4"},
      {"serverSideEncryptionKeyId", "key-1", "a key id is used only with KMS"},
    };
    f.file("a.txt", 10);
    for (String[] b : bad) {
      Map<String, String> saved = new LinkedHashMap<String, String>(f.job);
      f.job.put(b[0], b[1]);
      OssImport ossimport = f.open();
      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> ossimport.submit(f.jobFile()), b[0]);
      assertEquals(1, e.problems().size(), e.getMessage());
      String problem = e.problems().get(0).toString();
      assertTrue(problem.contains("local_job.cfg"), problem);
      assertTrue(problem.contains(b[0] + "='" + b[1] + "'"), problem);
      assertTrue(problem.contains(b[2]), problem);
      assertFalse(problem.contains("Exception"), problem);
      f.job.clear();
      f.job.putAll(saved);
    }
    assertFalse(Files.exists(f.work.resolve("master/jobs/" + ImportFixture.JOB)));
  }

  private String ossSource() throws Exception {
    String srcBucket = "attr-src-" + Long.toHexString(System.nanoTime());
    oss.createBucket(srcBucket);
    f.job.put("srcType", "oss");
    f.job.put("srcDomain", oss.endpoint());
    f.job.put("srcBucket", srcBucket);
    f.job.put("srcPrefix", "in/");
    f.job.put("srcAccessKey", oss.accessKeyId());
    f.job.put("srcSecretKey", oss.secretAccessKey());
    return srcBucket;
  }

  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }

  private JobStatus run() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }
}
