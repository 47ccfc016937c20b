package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job samples of the operator guide (src/dist/README.md) load as they are written. */
class OperatorGuideSamplesTest {
  private static final Path GUIDE = Paths.get("src", "dist", "README.md");

  @TempDir Path temp;

  @Test
  void theOssSourceSampleLoadsWithoutProblemsOrWarnings() throws Exception {
    Path job = temp.resolve("local_job.cfg");
    Files.write(
        job, firstBlockAfter("## Source: another OSS bucket").getBytes(StandardCharsets.UTF_8));

    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(Collections.<String, String>emptyMap())
            .load(job, Collections.<String, String>emptyMap(), "inline");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    JobConfig config = loaded.config();
    assertEquals(SourceType.OSS, config.srcType());
    assertEquals("photos/", config.srcPrefix());
    assertEquals("archive/", config.destPrefix());
  }

  /** The first fenced block after the line starting with {@code heading}. */
  private static String firstBlockAfter(String heading) throws IOException {
    List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(heading)) {
      i++;
    }
    while (i < lines.size() && !lines.get(i).startsWith("```")) {
      i++;
    }
    StringBuilder block = new StringBuilder();
    for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      block.append(lines.get(i)).append('\n');
    }
    assertTrue(block.length() > 0, "no block after " + heading + " in " + GUIDE);
    return block.toString();
  }
}
