package io.ossimport.it;

import io.ossimport.emulator.OssEmulator;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts and stops the emulator that the Maven builds of {@code src/it} share, from {@code
 * exec:java} in the {@code it} build: {@code start DIR PORT} forks {@link EmulatorProcess} on PORT
 * and returns once it serves; {@code stop DIR} asks it to stop and waits until it has. The fork
 * talks through files in DIR, which works on every OS and needs no process id.
 */
public final class EmulatorControl {
  /** Buckets the builds of src/it upload into. */
  static final List<String> BUCKETS =
      Arrays.asList(
          "it-migrate",
          "it-retry",
          "it-background",
          "it-bad-config",
          "it-clean-keeps-job",
          "it-dry-run");

  private EmulatorControl() {}

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[1]);
    if ("start".equals(args[0])) {
      start(dir, args[2]);
    } else if ("stop".equals(args[0])) {
      stop(dir);
    } else {
      throw new IllegalArgumentException("usage: start DIR PORT | stop DIR");
    }
  }

  private static void start(Path dir, String port) throws Exception {
    Files.createDirectories(dir);
    Files.deleteIfExists(EmulatorProcess.ready(dir));
    Files.deleteIfExists(EmulatorProcess.stopRequest(dir));
    Files.deleteIfExists(EmulatorProcess.stopped(dir));
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(location(EmulatorProcess.class) + File.pathSeparator + location(OssEmulator.class));
    command.add(EmulatorProcess.class.getName());
    command.add(dir.toString());
    command.add(port);
    command.addAll(BUCKETS);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("emulator.log").toFile())
            .start();
    process.getOutputStream().close();
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(EmulatorProcess.ready(dir))) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroy();
        throw new IllegalStateException(
            "The emulator did not start; see " + dir.resolve("emulator.log"));
      }
      Thread.sleep(100);
    }
    System.out.println(
        "[INFO] Emulator for the Maven builds: "
            + new String(Files.readAllBytes(EmulatorProcess.ready(dir)), StandardCharsets.UTF_8));
  }

  private static void stop(Path dir) throws Exception {
    if (!Files.exists(EmulatorProcess.ready(dir))) {
      return;
    }
    Files.write(EmulatorProcess.stopRequest(dir), new byte[0]);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Files.exists(EmulatorProcess.stopped(dir))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("The emulator did not stop within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static String location(Class<?> type) throws URISyntaxException, IOException {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getCanonicalPath();
  }
}
