package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 source contract against S3Proxy, an independent S3 server, in its own JVM; and a whole
 * {@code srcType=cos} job, with COS's own key rules (bucket {@code <srcBucket>-<appId>}, {@code
 * srcPrefix} between slashes), from S3Proxy standing in for COS's S3 API into the emulator's OSS.
 */
@ExtendWith(OssEmulatorExtension.class)
class S3SourceOnS3ProxyIT extends S3SourceContract {
  @RegisterExtension static final S3ProxyExtension S3PROXY = new S3ProxyExtension();

  OssEmulator oss;
  @TempDir Path temp;

  @Override
  URI endpoint() {
    return S3PROXY.endpoint();
  }

  @Override
  String accessKey() {
    return S3ProxyExtension.ACCESS_KEY;
  }

  @Override
  String secret() {
    return S3ProxyExtension.SECRET;
  }

  /**
   * One page per prefix: S3Proxy 4.1.0 writes NextContinuationToken as the raw last key, not
   * encoded, so a truncated page ending at a key with a control character cannot be written (its
   * XML writer refuses U+0001). Keys, prefixes and StartAfter it does encode; AWS's tokens are
   * opaque base64, and the emulator's pages of 2 cover truncation.
   */
  @Override
  int awkwardPageSize() {
    return 1000;
  }

  @Test
  void aCosJobReadsTheAppIdBucketUnderThePrefixWithoutItsLeadingSlash() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp);
        S3Objects cos =
            new S3Objects(
                S3PROXY.endpoint(),
                S3ProxyExtension.ACCESS_KEY,
                S3ProxyExtension.SECRET,
                "photos-1250000000")) {
      for (int i = 0; i < 6; i++) {
        cos.put("docs/" + (i % 2 == 0 ? "" : "sub/") + "file" + i + ".txt", 100 + 17 * i);
      }
      cos.put("docs/big.bin", 1200 * 1024);
      cos.put("other/not-this.txt", 5);
      f.job.put("srcType", "cos");
      f.job.put("srcDomain", S3PROXY.endpoint().toString());
      f.job.put("srcBucket", "photos");
      f.job.put("appId", "1250000000");
      f.job.put("srcPrefix", "/docs/");
      f.job.put("srcAccessKey", S3ProxyExtension.ACCESS_KEY);
      f.job.put("srcSecretKey", S3ProxyExtension.SECRET);

      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile());
      JobStatus status;
      try (RunningService service = ossimport.start()) {
        status = service.awaitJob(ImportFixture.JOB, 120_000);
      }

      assertEquals(JobState.Succeed, status.state(), f.events.text());
      assertEquals(7, status.totalObjects());
      for (Map.Entry<String, byte[]> e : cos.byKey.entrySet()) {
        if (e.getKey().startsWith("docs/")) {
          f.assertStored(e.getKey().substring("docs/".length()), e.getValue());
        }
      }
      assertEquals(7, f.storedObjects().size());
      assertTrue(f.storedObjects().containsKey(ImportFixture.DEST_PREFIX + "sub/file1.txt"));
    }
  }
}
