package io.ossimport.core.source.local;

import io.ossimport.core.source.local.bench.ScanBench;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ScanBench} in a separate JVM, optionally as another user, and captures its output.
 */
final class ForkedScan {
  final int exitCode;
  final List<String> lines;

  private ForkedScan(int exitCode, List<String> lines) {
    this.exitCode = exitCode;
    this.lines = lines;
  }

  /**
   * @param prefix commands to run the JVM through (e.g. {@code setpriv ...}), may be empty
   * @param jvmOptions e.g. {@code -Xmx64m}
   */
  static ForkedScan run(List<String> prefix, List<String> jvmOptions, String... benchArgs)
      throws IOException, InterruptedException {
    return run(prefix, jvmOptions, classpath(), benchArgs);
  }

  /**
   * Like {@link #run(List, List, String...)}, with the classes copied under {@code readableDir}
   * first: another user (e.g. {@code nobody}) may not be able to reach the build's own {@code
   * target/} directories, for instance in a clone under {@code /root}.
   */
  static ForkedScan runFromCopy(
      Path readableDir, List<String> prefix, List<String> jvmOptions, String... benchArgs)
      throws IOException, InterruptedException {
    Path main = copy(location(LocalSource.class), readableDir.resolve("main"));
    Path test = copy(location(ScanBench.class), readableDir.resolve("test"));
    return run(prefix, jvmOptions, main + File.pathSeparator + test, benchArgs);
  }

  /** Copies a class directory or jar (Failsafe puts the module's jar on the classpath). */
  private static Path copy(String classpathEntry, Path target) throws IOException {
    File from = new File(classpathEntry);
    if (from.isDirectory()) {
      org.apache.commons.io.FileUtils.copyDirectory(from, target.toFile());
      return target;
    }
    Path jar = target.resolveSibling(target.getFileName() + ".jar");
    Files.copy(from.toPath(), jar);
    return jar;
  }

  private static String classpath() {
    return location(LocalSource.class) + File.pathSeparator + location(ScanBench.class);
  }

  private static ForkedScan run(
      List<String> prefix, List<String> jvmOptions, String classpath, String... benchArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(ScanBench.class.getName());
    command.addAll(Arrays.asList(benchArgs));
    Path out = Files.createTempFile("forked-scan", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("forked scan did not finish: " + command);
      }
      return new ForkedScan(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of {@code key=} in the summary line of {@code ScanBench scan}. */
  String summaryValue(String key) {
    for (String line : lines) {
      for (String field : line.split(" ")) {
        if (field.startsWith(key + "=")) {
          return field.substring(key.length() + 1);
        }
      }
    }
    throw new AssertionError("no " + key + " in " + lines);
  }
}
