package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unique secret, planted as the AccessKey secret, appears in no event, exception message, stat
 * output or toString() through a whole job's life: rejected and conflicting submits, a run with a
 * failed object, a refused second start, a retry, and a clean whose abort is refused.
 */
class SecretsTest {
  private static final String SECRET = "Planted-" + UUID.randomUUID();

  @TempDir Path temp;

  @Test
  void thePlantedSecretIsNowhereAnOperatorCanSee() throws Exception {
    StringBuilder seen = new StringBuilder();
    try (OssEmulator oss =
        OssEmulator.builder().credentials("planted-id", SECRET).build().start()) {
      ImportFixture f = new ImportFixture(oss, temp);
      try {
        f.job.put("destAccessKey", "planted-id");
        f.job.put("destSecretKey", SECRET);
        f.job.put("uploadThreadNumPerLargeFile", "1");
        f.file("ok.txt", 10);
        f.file("bad\nkey.txt", 10);
        f.file("large.bin", 6 * 256 * 1024);
        OssImport ossimport = f.open();

        Map<String, String> broken = new HashMap<>(f.job);
        broken.put("destBucket", "Bad_Bucket");
        seen.append(
            message(
                assertThrows(ConfigurationException.class, () -> ossimport.submit(null, broken))));
        seen.append(ossimport.submit(f.jobFile()));
        seen.append(
            message(assertThrows(JobConflictException.class, () -> ossimport.submit(f.jobFile()))));

        try (RunningService service = ossimport.start()) {
          seen.append(message(assertThrows(ServiceRunningException.class, () -> f.open().start())));
          JobStatus status = service.awaitJob(ImportFixture.JOB, 60_000);
          assertEquals(JobState.Failed, status.state(), f.events.text());
          seen.append(status);
        }
        seen.append(StatReport.text(ossimport.stat()));
        seen.append(StatReport.jsonLines(ossimport.stat()));

        seen.append(ossimport.retry(ImportFixture.JOB));
        oss.faults().always(Operation.UploadPart, FaultSpec.latency(300));
        f.file("later.bin", 6 * 256 * 1024);
        ossimport.clean(ImportFixture.JOB);
        ossimport.submit(f.jobFile());
        RunningService service = ossimport.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (oss.store().uploads(f.bucket).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        service.stop();
        oss.faults().clear();
        oss.faults().always(Operation.AbortMultipartUpload, FaultSpec.error(403, "AccessDenied"));
        OssImportException refused =
            assertThrows(OssImportException.class, () -> ossimport.clean(ImportFixture.JOB));
        seen.append(message(refused));
        assertTrue(refused.getMessage().contains("run clean again"), refused.getMessage());

        seen.append(f.events.everything());
        seen.append(new JobTree(f.work).readFrozenConfig(ImportFixture.JOB));
      } finally {
        f.close();
      }
    }
    assertTrue(seen.length() > 1000, "enough was seen to mean something");
    assertFalse(seen.toString().contains(SECRET), "the secret leaked:\n" + seen);
  }

  private static String message(Throwable t) {
    StringBuilder out = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      out.append(c).append('\n');
    }
    return out.toString();
  }
}
