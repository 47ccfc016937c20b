package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole job from an S3 bucket into an OSS bucket, both on one emulator (its S3 and OSS dialects
 * share the store but not the buckets): small objects by PUT, a large one by multipart from ranged
 * reads.
 */
@ExtendWith(OssEmulatorExtension.class)
class S3ToOssEndToEndTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  @TempDir Path temp;
  private ImportFixture f;
  private S3Objects src;

  @BeforeEach
  void setUp() throws Exception {
    f = new ImportFixture(oss, temp);
    src = new S3Objects(oss.url(), oss.accessKeyId(), oss.secretAccessKey(), "s3src-" + f.bucket);
    f.job.put("srcType", "s3");
    f.job.put("srcDomain", oss.endpoint());
    f.job.put("srcBucket", src.bucket);
    f.job.put("srcPrefix", "photos/");
    f.job.put("srcAccessKey", oss.accessKeyId());
    f.job.put("srcSecretKey", oss.secretAccessKey());
  }

  @AfterEach
  void tearDown() {
    src.close();
    f.close();
  }

  @Test
  void everyObjectUnderThePrefixArrivesUnderDestPrefix() throws Exception {
    for (int i = 0; i < 12; i++) {
      src.put("photos/day" + (i % 3) + "/img" + i + ".jpg", 500 + i * 131);
    }
    src.put("photos/big.raw", 1300 * 1024); // over multipartUploadThreshold=1m: ranged reads
    src.put("elsewhere/skip.txt", 10);
    f.job.put("taskObjectCountLimit", "5");

    JobStatus status = run();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(13, status.totalObjects());
    assertEquals(0, status.failedObjects());
    for (Map.Entry<String, byte[]> e : src.byKey.entrySet()) {
      if (e.getKey().startsWith("photos/")) {
        f.assertStored(e.getKey().substring("photos/".length()), e.getValue());
      }
    }
    assertFalse(f.storedObjects().containsKey(ImportFixture.DEST_PREFIX + "elsewhere/skip.txt"));
    assertEquals(13, f.storedObjects().size());
  }

  /**
   * Keys that only a URL-encoded listing carries (a control character) or that a wrong decoding
   * would change ('%', '+', ' ', multibyte UTF-8) reach OSS under their own names; the two with
   * control characters are listed too, and fail alone as keys OSS does not accept.
   */
  @Test
  void keysThatNeedUrlEncodingArriveUnderTheirOwnNames() throws Exception {
    List<String> valid = new ArrayList<String>();
    for (String reference : S3SourceContract.AWKWARD) {
      src.put("photos/" + reference, 100 + reference.length());
      if (!S3SourceOnEmulatorTest.hasControlCharacter(reference)) {
        valid.add(reference);
      }
    }
    f.job.put("taskObjectCountLimit", "4");

    JobStatus status = run();

    assertEquals(S3SourceContract.AWKWARD.size(), status.totalObjects(), f.events.text());
    assertEquals(2, status.failedObjects(), f.events.text());
    assertEquals(JobState.Failed, status.state(), f.events.text());
    for (String reference : valid) {
      f.assertStored(reference, src.byKey.get("photos/" + reference));
    }
    assertEquals(valid.size(), f.storedObjects().size());
    String log = f.events.everything();
    assertTrue(log.contains("control character U+0001"), log);
  }

  @Test
  void filterRulesAndSizeBoundsLeaveObjectsOutAsSkipped() throws Exception {
    src.put("photos/a.jpg", 500);
    src.put("photos/b.tmp", 500);
    src.put("photos/huge.jpg", 9000);
    f.job.put("filter", "- *.tmp");
    f.job.put("maxSize", "8k");

    JobStatus status = run();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(3, status.totalObjects());
    assertEquals(2, status.skippedObjects());
    assertEquals(1, f.storedObjects().size());
    f.assertStored("a.jpg", src.byKey.get("photos/a.jpg"));
  }

  @Test
  void keepSourceAttributesCopiesTheS3HeadersAndMapsTheStorageClass() throws Exception {
    src.client.putObject(
        r ->
            r.bucket(src.bucket)
                .key("photos/a.jpg")
                .cacheControl("max-age=60")
                .contentDisposition("inline")
                .contentLanguage("de")
                .storageClass("STANDARD_IA"),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[] {1, 2, 3}));
    src.client.putObject(
        r -> r.bucket(src.bucket).key("photos/b.jpg").cacheControl("no-cache"),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[] {4}));
    f.job.put("keepSourceAttributes", "true");
    f.job.put("objectHeaders", "Content-Language: en");

    assertEquals(JobState.Succeed, run().state(), f.events.text());

    com.aliyun.oss.model.ObjectMetadata a =
        f.client.getObjectMetadata(f.bucket, ImportFixture.DEST_PREFIX + "a.jpg");
    assertEquals("max-age=60", a.getCacheControl());
    assertEquals("inline", a.getContentDisposition());
    assertEquals("en", a.getRawMetadata().get("Content-Language"), "the job's header wins");
    assertEquals("IA", a.getObjectStorageClass().toString());
    com.aliyun.oss.model.ObjectMetadata b =
        f.client.getObjectMetadata(f.bucket, ImportFixture.DEST_PREFIX + "b.jpg");
    assertEquals("no-cache", b.getCacheControl());
    assertEquals("Standard", b.getObjectStorageClass().toString());
  }

  @Test
  void withoutKeepSourceAttributesTheS3HeadersAreNotCopied() throws Exception {
    src.client.putObject(
        r -> r.bucket(src.bucket).key("photos/a.jpg").cacheControl("max-age=60"),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[] {1}));

    assertEquals(JobState.Succeed, run().state(), f.events.text());

    assertEquals(
        null,
        f.client
            .getObjectMetadata(f.bucket, ImportFixture.DEST_PREFIX + "a.jpg")
            .getCacheControl());
  }

  @Test
  void aWrongSecretAbortsTheJobWithAMessageThatNamesTheBucketButNotTheSecret() throws Exception {
    src.put("photos/a.jpg", 10);
    String wrong = "not-the-secret-0123456789";
    f.job.put("srcSecretKey", wrong);

    JobStatus status = run();

    assertEquals(JobState.Abort, status.state(), f.events.text());
    String log = f.events.everything();
    assertTrue(log.contains("srcBucket=" + src.bucket), log);
    assertTrue(log.contains("check srcSecretKey"), log);
    assertFalse(log.contains(wrong), log);
  }

  @Test
  void submitRefusesAQiniuDownloadDomainAndNamesTheS3Endpoint() throws Exception {
    f.job.put("srcType", "qiniu");
    f.job.put("srcDomain", "http://mybucket.u.qiniudn.com");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> f.open().submit(f.jobFile()));

    assertEquals(1, e.problems().size(), e.getMessage());
    String problem = e.problems().get(0).toString();
    assertTrue(problem.contains("srcDomain='http://mybucket.u.qiniudn.com'"), problem);
    assertTrue(problem.contains("e.g. srcDomain=https://s3.cn-east-1.qiniucs.com"), problem);
  }

  private JobStatus run() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }
}
