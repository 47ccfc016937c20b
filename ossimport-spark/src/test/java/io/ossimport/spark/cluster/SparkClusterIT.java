package io.ossimport.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.spark.cluster.app.SlowPartitionsApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself on a real standalone cluster (a master and two workers, each a JVM): a job of
 * slow tasks over two executors loses one executor to kill -9 mid-task and still returns every
 * partition's result, because Spark runs the lost tasks again elsewhere.
 */
class SparkClusterIT {
  private static final int PARTITIONS = 40;
  private static final long TASK_MILLIS = 1200;

  @TempDir Path temp;

  @Test
  void aJobOutlivesAnExecutorKilledMidTask() throws Exception {
    Path markers = Files.createDirectories(temp.resolve("markers"));
    Path results = temp.resolve("results.txt");
    Path appJar =
        TestJars.pack(
            TestJars.testClasses(),
            SlowPartitionsApp.class.getPackage().getName(),
            temp.resolve("app.jar"));

    Path clusterDir;
    try (SparkCluster cluster = SparkCluster.start(2)) {
      clusterDir = cluster.dir();
      ClusterJvm driver =
          cluster.submit(
              SparkSubmission.of(SlowPartitionsApp.class.getName(), appJar)
                  .args(
                      markers.toString(),
                      results.toString(),
                      Integer.toString(PARTITIONS),
                      Long.toString(TASK_MILLIS)));
      cluster.awaitExecutors(2, 150_000);

      ExecutorProcess victim = awaitExecutorRunningATask(cluster, markers, driver);
      int doneAtKill = Markers.read(markers).done.size();
      cluster.kill(victim);
      Markers atKill = Markers.read(markers);

      assertEquals(0, driver.awaitExit(150_000), cluster.logs());
      assertTrue(doneAtKill < PARTITIONS, "killed mid-job: " + doneAtKill + " tasks done");
      List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
      assertEquals(PARTITIONS, lines.size(), lines.toString());
      for (int p = 0; p < PARTITIONS; p++) {
        assertEquals(p + " " + (p * p), lines.get(p));
      }
      Markers after = Markers.read(markers);
      List<String> lost = atKill.runningOn(victim.executorId());
      assertFalse(lost.isEmpty(), "a task was running on " + victim + ": " + atKill.started);
      for (String attempt : lost) {
        String partition = attempt.substring(0, attempt.indexOf('-'));
        assertFalse(after.done.contains(attempt), attempt + " cannot end on a dead executor");
        assertTrue(
            after.donePartitions().contains(partition),
            partition + " ran again elsewhere: " + after.done);
      }
    }
    assertEquals(
        new ArrayList<ExecutorProcess>(),
        ExecutorProcess.under(clusterDir),
        "no executor outlives the cluster");
  }

  /**
   * Waits until an executor starts a task and returns it: a task seen starting (not one found
   * running) has most of its sleep ahead, so the kill lands mid-task.
   */
  private static ExecutorProcess awaitExecutorRunningATask(
      SparkCluster cluster, Path markers, ClusterJvm driver) throws Exception {
    long deadline = System.currentTimeMillis() + 150_000;
    TreeSet<String> seen = Markers.read(markers).started;
    while (System.currentTimeMillis() < deadline) {
      assertTrue(driver.isAlive(), "the driver ended early\n" + cluster.logs());
      Markers m = Markers.read(markers);
      for (ExecutorProcess e : cluster.executors()) {
        for (String attempt : m.runningOn(e.executorId())) {
          if (!seen.contains(attempt)) {
            return e;
          }
        }
      }
      seen = m.started;
      Thread.sleep(20);
    }
    throw new AssertionError("no executor ever started a task\n" + cluster.logs());
  }

  /** The task attempts' marker files, by name without suffix ({@code p3-a0-e1}). */
  static final class Markers {
    final TreeSet<String> started = new TreeSet<String>();
    final TreeSet<String> done = new TreeSet<String>();

    static Markers read(Path dir) throws IOException {
      Markers m = new Markers();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path f : files) {
          String name = f.getFileName().toString();
          if (name.endsWith(".started")) {
            m.started.add(name.substring(0, name.length() - ".started".length()));
          } else if (name.endsWith(".done")) {
            m.done.add(name.substring(0, name.length() - ".done".length()));
          }
        }
      }
      return m;
    }

    /** Attempts started on the executor and not done. */
    List<String> runningOn(String executorId) {
      List<String> running = new ArrayList<String>();
      for (String attempt : started) {
        if (attempt.endsWith("-e" + executorId) && !done.contains(attempt)) {
          running.add(attempt);
        }
      }
      return running;
    }

    /** Partitions ({@code p3}) with a finished attempt. */
    TreeSet<String> donePartitions() {
      Map<String, String> byPartition = new TreeMap<String, String>();
      for (String attempt : done) {
        byPartition.put(attempt.substring(0, attempt.indexOf('-')), attempt);
      }
      return new TreeSet<String>(byPartition.keySet());
    }
  }
}
