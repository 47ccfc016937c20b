package io.ossimport.spark.cluster.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * A Spark application for the cluster harness's own test: {@code <partitions>} tasks that each
 * sleep {@code <millis>} and return their partition's square. Each task attempt leaves a marker
 * file in {@code <markerDir>} when it starts ({@code p<partition>-a<attempt>-e<executor>.started})
 * and when it ends ({@code ...done}), so the test sees which executor runs what and can kill one
 * mid-task; the collected results go to {@code <resultFile>}, one {@code partition value} line
 * each.
 *
 * <p>Usage: {@code SlowPartitionsApp <markerDir> <resultFile> <partitions> <millis>}
 */
public final class SlowPartitionsApp {
  private SlowPartitionsApp() {}

  public static void main(String[] args) throws Exception {
    String markers = args[0];
    Path results = Paths.get(args[1]);
    int partitions = Integer.parseInt(args[2]);
    long millis = Long.parseLong(args[3]);
    List<Integer> input = new ArrayList<Integer>();
    for (int i = 0; i < partitions; i++) {
      input.add(i);
    }
    JavaSparkContext sc = new JavaSparkContext(new SparkConf());
    try {
      List<Integer> squares =
          sc.parallelize(input, partitions).map(new SlowSquare(markers, millis)).collect();
      List<String> lines = new ArrayList<String>();
      for (int i = 0; i < squares.size(); i++) {
        lines.add(input.get(i) + " " + squares.get(i));
      }
      Path tmp = results.resolveSibling(results.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, results, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      sc.stop();
    }
  }

  /** The task: marks its start, sleeps, squares, marks its end. */
  static final class SlowSquare implements Function<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String markers;
    private final long millis;

    SlowSquare(String markers, long millis) {
      this.markers = markers;
      this.millis = millis;
    }

    @Override
    public Integer call(Integer partition) throws IOException, InterruptedException {
      String name =
          "p"
              + partition
              + "-a"
              + TaskContext.get().attemptNumber()
              + "-e"
              + SparkEnv.get().executorId();
      Files.createFile(Paths.get(markers, name + ".started"));
      Thread.sleep(millis);
      Files.createFile(Paths.get(markers, name + ".done"));
      return partition * partition;
    }
  }
}
