package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScanAccountingScenario} with its chmod cases (a file and a directory without permissions)
 * when the build runs as root, which reads everything: the scenario runs in a JVM started as {@code
 * nobody} through {@code setpriv}, from a copy of the test classpath that user can read.
 */
class ScanAccountingAsNobodyIT {
  @TempDir Path temp;

  @Test
  void theUnreadableFileAndDirectoryCasesRunAsAnotherUser() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "ScanAccountingEndToEndTest runs the chmod cases for this user");
    assumeTrue(
        run(Arrays.asList("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"))
            == 0,
        "setpriv is not available");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    String classpath = copyClasspath(Files.createDirectory(temp.resolve("cp")));
    Path work = Files.createDirectory(temp.resolve("run"));
    Path tmp = Files.createDirectory(temp.resolve("tmp"));
    for (Path p : Arrays.asList(work, tmp)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    Path out = temp.resolve("out.txt");

    int exit =
        run(
            Arrays.asList(
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "env",
                "HOME=" + tmp,
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                classpath,
                ScanAccountingScenario.class.getName(),
                work.toString()),
            out);

    String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
    assertEquals(0, exit, output);
    assertTrue(output.contains("CHMOD-CASES-RAN"), output);
  }

  /** Copies each entry of the test classpath (Failsafe's, not its booter jar) under {@code dir}. */
  private static String copyClasspath(Path dir) throws IOException {
    String path = System.getProperty("surefire.test.class.path");
    if (path == null || path.isEmpty()) {
      path = System.getProperty("java.class.path");
    }
    List<String> copied = new ArrayList<>();
    int i = 0;
    for (String entry : path.split(File.pathSeparator)) {
      File from = new File(entry);
      if (!from.exists()) {
        continue;
      }
      Path to = dir.resolve((i++) + "-" + from.getName());
      if (from.isDirectory()) {
        FileUtils.copyDirectory(from, to.toFile());
      } else {
        Files.copy(from.toPath(), to);
      }
      copied.add(to.toString());
    }
    Files.walk(dir).forEach(p -> p.toFile().setReadable(true, false));
    Files.walk(dir).filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
    return String.join(File.pathSeparator, copied);
  }

  private static int run(List<String> command) throws Exception {
    return run(command, null);
  }

  private static int run(List<String> command, Path out) throws Exception {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    b.redirectOutput(out == null ? new File("/dev/null") : out.toFile());
    Process p;
    try {
      p = b.start();
    } catch (IOException e) {
      return -1;
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -2;
    }
    return p.exitValue();
  }
}
