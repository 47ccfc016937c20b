package io.ossimport.spark.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the cluster (master, worker, or the spark-submit driver): {@code java} with {@code
 * SPARK_HOME/jars/*} as class path, its output (stdout and stderr, where Spark's default log4j2
 * setup logs) appended to a file, so a failed test points at the log that explains it.
 */
public final class ClusterJvm {
  private final String role;
  private final Process process;
  private final Path log;

  private ClusterJvm(String role, Process process, Path log) {
    this.role = role;
    this.process = process;
    this.log = log;
  }

  static ClusterJvm start(
      String role,
      Path sparkHome,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<String>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(sparkHome.resolve("jars").toAbsolutePath() + File.separator + "*");
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    Files.write(log, Arrays.asList("# " + String.join(" ", command)), StandardCharsets.UTF_8);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().putAll(env);
    return new ClusterJvm(role, pb.start(), log);
  }

  /** Which JVM this is, e.g. {@code worker-1}. */
  public String role() {
    return role;
  }

  /** The file its output goes to. */
  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the JVM to end and returns its exit code; throws if it outlives the timeout. */
  public int awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          role + " still running after " + timeoutMillis + " ms; its log:\n" + logTail(60));
    }
    return process.exitValue();
  }

  /** SIGKILL, then waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The last {@code lines} lines of its log, for assertion messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      return "---- " + log + " (last " + tail.size() + " lines)\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "---- " + log + " unreadable: " + e;
    }
  }

  @Override
  public String toString() {
    return role + " (log " + log + ")";
  }
}
