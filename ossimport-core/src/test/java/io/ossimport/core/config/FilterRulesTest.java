package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.filter.PathFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterRulesTest {
  @TempDir Path temp;

  @Test
  void theDefaultsSelectEverythingAsTheOriginalDid() throws Exception {
    JobConfig c = Jobs.load(Jobs.valid()).config();
    assertTrue(c.pathFilter().isEverything());
    assertEquals(0, c.minSize());
    assertEquals(0, c.maxSize());
    assertEquals(0, c.importUntil());
  }

  @Test
  void aBadPatternIsOneProblemNamingKeyValueAndWhatIsWrong() {
    assertProblem(
        "conf/local_job.cfg: include='*.[jpg': '[' without ']' in '*.[jpg'; see the pattern"
            + " syntax of include in docs/CONFIGURATION.md (rclone's globs: *, **, ?, [...],"
            + " {a,b})",
        "include",
        "*.[jpg");
    assertProblem(
        "conf/local_job.cfg: exclude='tmp/': 'tmp/' ends with '/', which matches directories"
            + " only in rclone; objects have no directories here: write 'tmp/**' for what is"
            + " below it; see the pattern syntax of exclude in docs/CONFIGURATION.md (rclone's"
            + " globs: *, **, ?, [...], {a,b})",
        "exclude",
        "tmp/");
    assertProblem(
        "conf/local_job.cfg: filter='*.jpg': '*.jpg' is not a rule: a rule is '+ pattern'"
            + " (include) or '- pattern' (exclude); see the pattern syntax of filter in"
            + " docs/CONFIGURATION.md (rclone's globs: *, **, ?, [...], {a,b})",
        "filter",
        "*.jpg");
  }

  @Test
  void includeWithExcludeIsAWarningThatPointsToFilter() throws Exception {
    List<String> warnings =
        Jobs.lines(Jobs.warnings(Jobs.with("include", "*.jpg", "exclude", "/tmp/**")));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("exclude='/tmp/**': is set together with include"));
    assertTrue(warnings.get(0).contains("filter=- *.tmp; + *.jpg; - **"));
    assertAccepted("filter", "- *.tmp; + *.jpg; - **");
  }

  @Test
  void sizeBoundsAreSizesAndMaxSizeIsNotBelowMinSize() throws Exception {
    assertProblem(
        "conf/local_job.cfg: minSize='10 MiB': must be a size: bytes, or a whole number with k, m or g"
            + " (e.g. 500k, 50m, 5g); e.g. minSize=0",
        "minSize",
        "10 MiB");
    assertProblem(
        "conf/local_job.cfg: maxSize='1k': is smaller than minSize (2k): nothing would match;"
            + " raise maxSize, lower minSize, or write 0 for no bound",
        "minSize",
        "2k",
        "maxSize",
        "1k");
    JobConfig c = Jobs.load(Jobs.with("minSize", "1k", "maxSize", "5m")).config();
    assertEquals(1024, c.minSize());
    assertEquals(5L << 20, c.maxSize());
    assertAccepted("minSize", "2k", "maxSize", "0");
  }

  @Test
  void importUntilIsEpochSecondsAfterImportSince() throws Exception {
    assertProblem(
        "conf/local_job.cfg: importUntil='1700000000000': looks like milliseconds; it must be a"
            + " Unix time in seconds; divide by 1000: importUntil=1700000000",
        "importUntil",
        "1700000000000");
    assertProblem(
        "conf/local_job.cfg: importUntil='1600000000': is before importSince (1700000000):"
            + " nothing would match; give a time after importSince, or 0 for no upper bound",
        "importSince",
        "1700000000",
        "importUntil",
        "1600000000");
    assertProblem(
        "conf/local_job.cfg: importUntil='-1': must be at least 0; e.g. importUntil=0",
        "importUntil",
        "-1");
    assertEquals(
        1700000000L,
        Jobs.load(Jobs.with("importSince", "1600000000", "importUntil", "1700000000"))
            .config()
            .importUntil());
  }

  @Test
  void aFileMayRepeatAFilterKeyAndItsLinesAddUpInOrderWithoutAWarning() throws Exception {
    Path file = temp.resolve("local_job.cfg");
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : Jobs.valid().entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    text.append("filter=- *.tmp\n").append("filter=+ /photos/**\n").append("filter=- **\n");
    text.append("jobName=first_name\njobName=second_name\n");
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));

    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(Collections.<String, String>emptyMap()).load(file);

    PathFilter f = loaded.config().pathFilter();
    assertEquals(Arrays.asList("- *.tmp", "+ /photos/**", "- **"), f.describe());
    assertFalse(f.includes("docs/a.txt"));
    List<String> warnings = Jobs.lines(loaded.warnings());
    assertEquals(1, warnings.size(), "only jobName warns of a second line: " + warnings);
    assertTrue(warnings.get(0).contains("jobName"), warnings.toString());
  }

  @Test
  void theFrozenConfigurationKeepsTheRules() throws Exception {
    LoadedConfig<JobConfig> loaded =
        Jobs.load(Jobs.with("filter", "- *.tmp\n+ /a\\;b/**", "minSize", "1k"));
    String frozen = CanonicalJobConfig.write(loaded);
    JobConfig back = CanonicalJobConfig.read(frozen, "job.cfg");
    assertEquals(loaded.config().pathFilter().describe(), back.pathFilter().describe());
    assertEquals(1024, back.minSize());
  }
}
