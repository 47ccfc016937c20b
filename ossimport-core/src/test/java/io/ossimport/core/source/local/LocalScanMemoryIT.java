package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 files, 150,000 of them in one directory, scanned in a JVM limited to a 64 MB heap: the
 * listing never holds more than one directory's names and a bounded queue.
 */
class LocalScanMemoryIT {
  @TempDir Path root;

  @Test
  void twoHundredThousandFilesFitInA64MegabyteHeap() throws Exception {
    createFiles(root.resolve("flat"), 150_000);
    for (int i = 0; i < 5; i++) {
      createFiles(root.resolve("sub" + i + "/nested"), 10_000);
    }

    ForkedScan scan =
        ForkedScan.run(
            Collections.<String>emptyList(),
            Arrays.asList("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
            "scan",
            root.toString(),
            "2",
            "1");

    assertEquals(0, scan.exitCode, String.join("\n", scan.lines));
    assertEquals("200000", scan.summaryValue("objects"));
  }

  private static void createFiles(Path dir, int count) throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      Files.createFile(dir.resolve(String.format("a-reasonably-long-file-name-%07d.jpg", i)));
    }
  }
}
