package io.ossimport.it;

import io.ossimport.emulator.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * The forked emulator of {@link EmulatorControl}: {@code DIR PORT BUCKET...}. Serves on
 * 127.0.0.1:PORT with data under DIR/data, writes its URL to DIR/ready, stops when DIR/stop appears
 * (or after an hour, so a build killed before post-integration-test leaves no process behind) and
 * then writes DIR/stopped.
 */
public final class EmulatorProcess {
  private static final long MAX_LIFETIME_MILLIS = TimeUnit.HOURS.toMillis(1);

  private EmulatorProcess() {}

  static Path ready(Path dir) {
    return dir.resolve("ready");
  }

  static Path stopRequest(Path dir) {
    return dir.resolve("stop");
  }

  static Path stopped(Path dir) {
    return dir.resolve("stopped");
  }

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]);
    OssEmulator.Builder builder =
        OssEmulator.builder().port(Integer.parseInt(args[1])).dataDir(dir.resolve("data"));
    for (int i = 2; i < args.length; i++) {
      builder.bucket(args[i]);
    }
    long deadline = System.currentTimeMillis() + MAX_LIFETIME_MILLIS;
    try (OssEmulator emulator = builder.build().start()) {
      Files.write(ready(dir), emulator.endpoint().getBytes(StandardCharsets.UTF_8));
      System.out.println("serving " + emulator.endpoint());
      while (!Files.exists(stopRequest(dir)) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
    }
    Files.write(stopped(dir), new byte[0]);
    System.out.println("stopped");
  }
}
