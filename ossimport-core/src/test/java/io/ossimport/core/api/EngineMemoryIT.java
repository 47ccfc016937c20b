package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.ForkedJvm;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 files, 150,000 of them in one directory, submitted and cut into tasks by the master in a
 * JVM limited to a 64 MB heap: the scan streams, tasks stream to disk, nothing holds the listing.
 */
class EngineMemoryIT {
  @TempDir Path temp;

  @Test
  void twoHundredThousandFilesAreScannedAndCutInA64MegabyteHeap() throws Exception {
    Path src = temp.resolve("src");
    createFiles(src.resolve("flat"), 150_000);
    for (int i = 0; i < 5; i++) {
      createFiles(src.resolve("sub" + i + "/nested"), 10_000);
    }
    Path work = temp.resolve("work");
    OssImport ossimport =
        OssImport.open(
            null,
            Collections.singletonMap("workingDir", work.toString()),
            Collections.<String, String>emptyMap(),
            new EventLog());
    Map<String, String> job = TestJobs.offlineJob("local_test", src);
    job.put("taskObjectCountLimit", "5000");
    ossimport.submit(
        TestJobs.writeJobFile(temp.resolve("local_job.cfg"), job),
        Collections.<String, String>emptyMap(),
        SubmitCheck.OFFLINE);

    String scanned;
    try (ForkedJvm child =
        ForkedJvm.start(
            Arrays.asList("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
            "scan",
            "local_test",
            "workingDir=" + work)) {
      scanned = child.awaitLine("SCANNED ", 5 * 60_000);
      assertEquals(0, child.awaitExit(60_000), child.output());
    }

    assertEquals("SCANNED 200000 40", scanned);
    JobStatus status = ossimport.stat("local_test");
    assertEquals(200_000, status.totalObjects());
    assertEquals(40, status.pendingTasks());
  }

  private static void createFiles(Path dir, int count) throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      Files.createFile(dir.resolve(String.format("a-reasonably-long-file-name-%07d.jpg", i)));
    }
  }
}
