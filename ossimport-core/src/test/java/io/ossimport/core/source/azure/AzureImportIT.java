package io.ossimport.core.source.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.testing.ProxyProcess;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A whole job from an Azure container (Azurite) into an OSS bucket (the emulator). */
@ExtendWith({AzuriteExtension.class, OssEmulatorExtension.class})
class AzureImportIT {
  private static final long MINUTE = 60_000;
  private static final AtomicInteger CONTAINERS = new AtomicInteger();

  static Azurite azurite;
  OssEmulator oss;
  @TempDir Path temp;
  private ImportFixture f;
  private BlobWriter blobs;
  private String container;

  @BeforeEach
  void setUp() throws Exception {
    f = new ImportFixture(oss, temp);
    blobs = new BlobWriter(azurite);
    container = "import-" + CONTAINERS.incrementAndGet();
    blobs.createContainer(container);
    f.job.put("srcType", "azure");
    f.job.put("srcAccessKey", Azurite.ACCOUNT);
    f.job.put("srcSecretKey", Azurite.KEY);
    f.job.put("srcDomain", azurite.endpoint());
    f.job.put("srcBucket", container);
    f.job.put("srcPrefix", "data/");
  }

  @AfterEach
  void tearDown() throws Exception {
    blobs.close();
    f.close();
  }

  /** A blob under data/, remembered (by reference) for {@link ImportFixture#assertAllStored}. */
  private void blob(String reference, int size) throws Exception {
    byte[] content = new byte[size];
    new Random(reference.hashCode()).nextBytes(content);
    blobs.put(container, "data/" + reference, content);
    f.files.put(reference, content);
  }

  private JobStatus runJob(OssImport ossimport) throws Exception {
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }

  @Test
  void keepSourceAttributesCopiesTheBlobsContentHeadersAndMapsItsAccessTier() throws Exception {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<String, String>();
    headers.put("x-ms-blob-cache-control", "max-age=120");
    headers.put("x-ms-blob-content-disposition", "attachment");
    headers.put("x-ms-blob-content-language", "fr");
    headers.put("x-ms-access-tier", "Cool");
    blobs.put(
        container,
        "data/kept.txt",
        new byte[] {1, 2, 3},
        "text/plain",
        java.util.Collections.<String, String>emptyMap(),
        headers);
    f.job.put("keepSourceAttributes", "true");

    JobStatus status = runJob(f.open());

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    com.aliyun.oss.model.ObjectMetadata m =
        f.client.getObjectMetadata(f.bucket, ImportFixture.DEST_PREFIX + "kept.txt");
    assertEquals("max-age=120", m.getCacheControl());
    assertEquals("attachment", m.getContentDisposition());
    assertEquals("fr", m.getRawMetadata().get("Content-Language"));
    assertEquals("text/plain", m.getContentType());
    assertEquals("IA", m.getObjectStorageClass().toString(), "Cool maps to IA");
  }

  @Test
  void theJobsProxyKeysCarryTheAzureRequestsWithTheProxysLogin() throws Exception {
    for (int i = 0; i < 3; i++) {
      blob("via-proxy/" + i + ".bin", 100 + i);
    }
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "pw-azure-1")) {
      f.job.put("proxy", proxy.url());
      f.job.put("proxyUser", "mover");
      f.job.put("proxyPassword", "pw-azure-1");
      // Azurite by name, the destination by address: noProxy sends only the destination direct
      f.job.put("srcDomain", azurite.endpoint().replace("127.0.0.1", "localhost"));
      f.job.put("noProxy", "127.0.0.1");

      JobStatus status = runJob(f.open());

      assertEquals(JobState.Succeed, status.state(), f.events.text());
      f.assertAllStored();
      assertTrue(
          proxy.forwarded() >= 4, proxy.forwarded() + " forwarded: a listing and three reads");
      assertTrue(proxy.refused() >= 1, "the proxy asked for its login first");
    }
  }

  @Test
  void everyBlobUnderThePrefixArrivesWholeAndNothingElse() throws Exception {
    for (int i = 0; i < 12; i++) {
      blob("small/" + i + ".bin", 500 + i * 101);
    }
    blob("large/parts.bin", 1300 * 1024); // above the 1m threshold: 256k parts, ranged reads
    blob("\u65e5\u672c\u8a9e/name with spaces.txt", 64);
    blobs.put(container, "other/not-me.bin", new byte[10]);
    blobs.put(container, "data-not-below-the-slash.bin", new byte[10]);
    f.job.put("taskObjectCountLimit", "5");

    JobStatus status = runJob(f.open());

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    f.assertAllStored();
    Set<String> expected = new TreeSet<>();
    for (String reference : f.files.keySet()) {
      expected.add(ImportFixture.DEST_PREFIX + reference);
    }
    assertEquals(expected, new TreeSet<>(f.storedObjects().keySet()));
    assertEquals(f.files.size(), status.doneObjects());
    assertEquals(0, status.failedObjects());
  }

  @Test
  void aWrongAccountKeyAbortsTheJobWithAMessageThatNamesTheAccountNotTheKey() throws Exception {
    blob("a.bin", 100);
    byte[] wrong = new byte[64];
    new Random(7).nextBytes(wrong);
    String wrongKey = Base64.getEncoder().encodeToString(wrong);
    f.job.put("srcSecretKey", wrongKey);

    JobStatus status = runJob(f.open());

    assertEquals(JobState.Abort, status.state(), f.events.text());
    List<String> aborts = f.events.messagesContaining("job Abort");
    assertEquals(1, aborts.size(), f.events.text());
    String message = aborts.get(0);
    assertTrue(message.contains("'" + Azurite.ACCOUNT + "'"), message);
    assertTrue(message.contains("'" + container + "'"), message);
    assertTrue(message.contains("srcSecretKey"), message);
    assertFalse(f.events.everything().contains(wrongKey.substring(0, 12)), "key leaked");
    assertTrue(f.storedObjects().isEmpty());
  }

  @Test
  void aMissingContainerAbortsTheJobNamingTheContainer() throws Exception {
    f.job.put("srcBucket", "missing-" + container);

    JobStatus status = runJob(f.open());

    assertEquals(JobState.Abort, status.state(), f.events.text());
    List<String> aborts = f.events.messagesContaining("job Abort");
    assertEquals(1, aborts.size(), f.events.text());
    assertTrue(aborts.get(0).contains("'missing-" + container + "'"), aborts.get(0));
    assertTrue(aborts.get(0).contains("check srcBucket"), aborts.get(0));
  }
}
