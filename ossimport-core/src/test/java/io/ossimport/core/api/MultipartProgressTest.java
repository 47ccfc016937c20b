package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance for progress: one 50 MB multipart object under a 1 MB/s cap. Before, the
 * tracker counted it only when it completed (0 bytes done for 50 s, then all of it at once); now
 * stat's done bytes rise with every confirmed part while the object is still in flight.
 */
@ExtendWith(OssEmulatorExtension.class)
class MultipartProgressTest {
  private static final int SIZE = 50 * 1000 * 1000;
  private static final int SAMPLES = 6;

  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void statRisesPartByPartWhileTheOneLargeObjectIsInFlight() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      statRisesPartByPart(f);
    }
  }

  private static void statRisesPartByPart(ImportFixture f) throws Exception {
    f.file("big.bin", SIZE);
    f.sys.put("workerMaxThroughput(KB/s)", "1024");
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    try (RunningService service = ossimport.start()) {
      long deadline = System.currentTimeMillis() + 30_000;
      while (ossimport.stat(ImportFixture.JOB).progressBytes() == 0) {
        assertTrue(System.currentTimeMillis() < deadline, "no progress at all within 30 s");
        Thread.sleep(100);
      }
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < SAMPLES; i++) {
        Thread.sleep(800); // about three 256 KiB parts at 1 MiB/s
        JobStatus now = ossimport.stat(ImportFixture.JOB);
        assertEquals(JobState.Running, now.state(), "50 MB at 1 MiB/s takes about 48 s");
        assertEquals(0, now.doneObjects(), "the object itself is not complete");
        assertEquals(SIZE, now.totalBytes());
        seen.add(now.progressBytes());
      }
      for (int i = 1; i < SAMPLES; i++) {
        assertTrue(seen.get(i) > seen.get(i - 1), "done bytes must rise every sample: " + seen);
      }
      assertTrue(seen.get(SAMPLES - 1) < SIZE, seen.toString());
      service.stop();
    }
  }
}
