package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory the scanning user cannot read is listed as an entry of its own (the worker records it
 * as UNREADABLE_DIRECTORY) and the rest is listed. Root reads everything, so when the build runs as
 * root the scan runs as {@code nobody} via {@code setpriv}.
 */
class UnreadableDirectoryIT {
  @TempDir Path temp;

  @Test
  void anUnreadableDirectoryIsReportedAndTheRestIsListed() throws Exception {
    assumeTrue(Scans.runsAsRoot(), "LocalSourceTest covers this for ordinary users");
    assumeTrue(
        Scans.run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"),
        "setpriv is not available");
    Path root = Files.createDirectory(temp.resolve("tree"));
    Scans.file(root, "open/visible", 1);
    Scans.file(root, "open/locked/secret", 1);
    Scans.file(root, "top", 1);
    for (Path p : Arrays.asList(temp, root, root.resolve("open"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        root.resolve("open/locked"), PosixFilePermissions.fromString("rwx------"));

    for (String depth : Arrays.asList("1", "2")) {
      ForkedScan scan =
          ForkedScan.runFromCopy(
              Files.createDirectory(temp.resolve("classpath-" + depth)),
              Arrays.asList("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
              Collections.<String>emptyList(),
              "print",
              root.toString(),
              "2",
              depth);

      assertEquals(0, scan.exitCode, String.join("\n", scan.lines));
      assertEquals(
          new TreeSet<>(
              Arrays.asList("OBJECT\topen/visible", "OBJECT\ttop", "OBJECT\topen/locked")),
          new TreeSet<>(scan.lines.subList(0, scan.lines.size() - 1)),
          "depth " + depth);
    }
  }
}
