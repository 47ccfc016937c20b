package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Spark section of the operator guide (ossimport-cli/src/dist/README.md §14): its spark-submit
 * samples name the main class and the driver's arguments as {@link SparkImport} takes them, and the
 * pod template it points to is a pod whose executor container mounts the scratch and source
 * volumes.
 */
class SparkGuideSamplesTest {
  private static final Path GUIDE = Paths.get("..", "ossimport-cli", "src", "dist", "README.md");
  private static final Path POD_TEMPLATE = Paths.get("..", "docs", "spark", "pod-template.yaml");

  @Test
  void everySparkSubmitSampleRunsTheDriverWithItsArguments() throws IOException {
    List<String> samples = blocksOfSection("## 14. ");
    assertEquals(3, samples.size(), "standalone cluster, YARN, Kubernetes");
    for (String sample : samples) {
      String command = sample.replace("\\\n", " ");
      assertTrue(command.startsWith("spark-submit --master "), command);
      assertTrue(command.contains("--class " + SparkImport.class.getName() + " "), command);
      assertTrue(
          command.contains(
              "ossimport-spark-<version>.jar --job conf/local_job.cfg --sys conf/sys.properties"),
          command);
    }
    assertTrue(samples.get(0).contains("spark://"));
    assertTrue(samples.get(1).contains("--master yarn"));
    // The settings OssImportClusterIT proves dynamic allocation with (no external shuffle service).
    assertTrue(samples.get(1).contains("spark.dynamicAllocation.enabled=true"));
    assertTrue(samples.get(1).contains("spark.dynamicAllocation.shuffleTracking.enabled=true"));
    assertTrue(samples.get(2).contains("--master k8s://"));
    assertTrue(
        samples
            .get(2)
            .contains("spark.kubernetes.executor.podTemplateFile=docs/spark/pod-template.yaml"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePodTemplateIsAnExecutorPodWithScratchAndSourceVolumes() throws IOException {
    Map<String, Object> pod;
    try (Reader in = Files.newBufferedReader(POD_TEMPLATE, StandardCharsets.UTF_8)) {
      pod = new Yaml().load(in);
    }
    assertEquals("v1", pod.get("apiVersion"));
    assertEquals("Pod", pod.get("kind"));
    Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
    List<Map<String, Object>> containers = (List<Map<String, Object>>) spec.get("containers");
    assertEquals(1, containers.size());
    Map<String, Object> executor = containers.get(0);
    assertEquals("spark-kubernetes-executor", executor.get("name"));
    List<String> mounts = new ArrayList<>();
    for (Map<String, Object> m : (List<Map<String, Object>>) executor.get("volumeMounts")) {
      mounts.add(m.get("name") + ":" + m.get("mountPath"));
    }
    assertEquals(2, mounts.size(), mounts.toString());
    assertTrue(mounts.contains("scratch:/tmp"), mounts.toString());
    assertTrue(mounts.contains("source:/data"), mounts.toString());
    List<String> volumes = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) spec.get("volumes")) {
      volumes.add(String.valueOf(v.get("name")));
    }
    assertEquals(2, volumes.size());
    assertTrue(volumes.contains("scratch") && volumes.contains("source"), volumes.toString());
  }

  @Test
  void helpPrintsTheUsageTheGuideShows() {
    SparkRun run = new SparkRun("local[1]");
    assertEquals(SparkImport.OK, run.run("--help"));
    assertTrue(run.out.contains("--job <local_job.cfg> [--sys <sys.properties>]"), run.output());
  }

  /** The fenced blocks between {@code heading} and the next section. */
  private static List<String> blocksOfSection(String heading) throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    boolean inSection = false;
    StringBuilder block = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.startsWith(heading);
      }
      if (!inSection) {
        continue;
      }
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          blocks.add(block.toString());
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }
}
