package io.ossimport.spark.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Spark executor JVM ({@code CoarseGrainedExecutorBackend}) that a worker of one cluster started,
 * found in Linux's {@code /proc}: tests compile at release 8, so {@code ProcessHandle} is out, and
 * the executors are the workers' children, not ours. An executor belongs to a cluster when its
 * working directory is under the cluster's directory (a worker starts each executor in {@code
 * <work-dir>/<app-id>/<executor-id>}).
 */
public final class ExecutorProcess {
  static final String MAIN_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
  private static final Path PROC = Paths.get("/proc");

  private final long pid;
  private final String appId;
  private final String executorId;

  ExecutorProcess(long pid, String appId, String executorId) {
    this.pid = pid;
    this.appId = appId;
    this.executorId = executorId;
  }

  /** The operating system's process id. */
  public long pid() {
    return pid;
  }

  /** The application it runs for, e.g. {@code app-20261207112233-0000}. */
  public String appId() {
    return appId;
  }

  /** Spark's executor id within the application ({@code 0}, {@code 1} ...). */
  public String executorId() {
    return executorId;
  }

  /** Whether the process still exists (a killed JVM is gone once its parent has reaped it). */
  public boolean isAlive() {
    return isAlive(pid);
  }

  static boolean isAlive(long pid) {
    Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
    try {
      String s = new String(Files.readAllBytes(stat), StandardCharsets.UTF_8);
      // "pid (comm) S ...": a zombie (Z) has died and waits for its parent to reap it.
      int end = s.lastIndexOf(')');
      return end < 0 || end + 2 >= s.length() || s.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** The live executors whose working directory lies under {@code clusterDir}. */
  static List<ExecutorProcess> under(Path clusterDir) throws IOException {
    Path root = clusterDir.toRealPath();
    List<ExecutorProcess> found = new ArrayList<ExecutorProcess>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC)) {
      for (Path proc : procs) {
        String name = proc.getFileName().toString();
        if (!name.matches("[0-9]+")) {
          continue;
        }
        ExecutorProcess e = read(proc, Long.parseLong(name), root);
        if (e != null && isAlive(e.pid)) {
          found.add(e);
        }
      }
    }
    return found;
  }

  /** The executor behind {@code /proc/<pid>}, or null if it is none of this cluster's. */
  private static ExecutorProcess read(Path proc, long pid, Path root) {
    try {
      List<String> args =
          Arrays.asList(
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                  .split("\u0000"));
      if (!args.contains(MAIN_CLASS)
          || !Files.readSymbolicLink(proc.resolve("cwd")).startsWith(root)) {
        return null;
      }
      return new ExecutorProcess(pid, valueOf(args, "--app-id"), valueOf(args, "--executor-id"));
    } catch (IOException | RuntimeException e) {
      // the process ended while we looked, or it is not ours to read
      return null;
    }
  }

  private static String valueOf(List<String> args, String option) {
    int i = args.indexOf(option);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "?";
  }

  @Override
  public String toString() {
    return "executor " + executorId + " of " + appId + " (pid " + pid + ")";
  }
}
