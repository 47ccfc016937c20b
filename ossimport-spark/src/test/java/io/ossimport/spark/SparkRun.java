package io.ossimport.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link SparkImport} in this JVM with Spark in local mode, or its command line for a
 * child JVM: Spark's settings as system properties, as spark-submit passes them, and the output.
 */
final class SparkRun {
  final Map<String, String> spark = new LinkedHashMap<>();
  String out = "";
  String err = "";

  SparkRun(String master) {
    spark.put("spark.master", master);
    spark.put("spark.ui.enabled", "false");
    spark.put("spark.driver.host", "127.0.0.1");
    spark.put("spark.driver.bindAddress", "127.0.0.1");
    spark.put("spark.ui.showConsoleProgress", "false");
  }

  SparkRun with(String key, String value) {
    spark.put(key, value);
    return this;
  }

  /**
   * Runs the driver in this JVM and returns its exit code; {@link #out}, {@link #err} hold what it
   * printed.
   */
  int run(String... args) {
    for (Map.Entry<String, String> e : spark.entrySet()) {
      System.setProperty(e.getKey(), e.getValue());
    }
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(outBytes, true, "UTF-8");
        PrintStream e = new PrintStream(errBytes, true, "UTF-8")) {
      return SparkImport.run(args, Collections.<String, String>emptyMap(), o, e);
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      for (String key : spark.keySet()) {
        System.clearProperty(key);
      }
      out = new String(outBytes.toByteArray(), StandardCharsets.UTF_8);
      err = new String(errBytes.toByteArray(), StandardCharsets.UTF_8);
    }
  }

  /** The command line of the same driver in a child JVM (this JVM's class path and Spark flags). */
  List<String> childCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    String flags = System.getProperty("ossimport.spark.jvmFlags", "");
    for (String flag : flags.trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    for (Map.Entry<String, String> e : spark.entrySet()) {
      command.add("-D" + e.getKey() + "=" + e.getValue());
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SparkImport.class.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** A sys.properties with the working directory and the worker's threads. */
  static Path sysFile(Path dir, String... lines) throws IOException {
    List<String> all = new ArrayList<>();
    all.add("workingDir=" + dir.resolve("work").toAbsolutePath().toString().replace('\\', '/'));
    all.add("workerTaskThreadNum=4");
    all.addAll(Arrays.asList(lines));
    return Files.write(dir.resolve("sys.properties"), all, StandardCharsets.UTF_8);
  }

  String output() {
    return "--- stdout\n" + out + "--- stderr\n" + err;
  }
}
