package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.NetworkSettings;
import io.ossimport.core.config.ProxyServer;
import io.ossimport.core.config.SkipExistMode;
import io.ossimport.core.config.SourceType;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.config.WriteAttributes;
import io.ossimport.emulator.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
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
    LoadedConfig<JobConfig> loaded = loadJobSample("### 6.1. Another OSS bucket");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    JobConfig config = loaded.config();
    assertEquals(SourceType.OSS, config.srcType());
    assertEquals("photos/", config.srcPrefix());
    assertEquals("archive/", config.destPrefix());
  }

  @Test
  void everySourceSectionStartsWithASampleThatLoadsWithoutProblems() throws Exception {
    Path list =
        Files.write(temp.resolve("http.list"), "http://127.0.0.1/ a.txt\n".getBytes("UTF-8"));
    String[][] sections = {
      {"### 6.1. ", "oss"}, {"### 6.2. ", "s3"}, {"### 6.3. ", "http"}, {"### 6.4. ", "azure"}
    };
    for (String[] section : sections) {
      String sample = firstConfigOf(firstBlockAfter(section[0]));
      // a sample that shows only the src* keys gets the destination of section 1
      if (!sample.contains("destBucket=")) {
        sample += "destDomain=http://oss-cn-hangzhou.aliyuncs.com\ndestBucket=my-bucket\n";
      }
      if (!sample.contains("destAccessKey=")) {
        sample += "destAccessKey=id\ndestSecretKey=secret\n";
      }
      sample =
          sample
              .replace("httpListFilePath=/data/http.list", "httpListFilePath=" + slashes(list))
              .replace("srcSecretKey=...", "srcSecretKey=c2VjcmV0")
              .replace("srcAccessKey=...", "srcAccessKey=id")
              .replace("destSecretKey=...", "destSecretKey=secret")
              .replace("destAccessKey=...", "destAccessKey=id");
      LoadedConfig<JobConfig> loaded = load(sample);

      assertEquals(section[1], loaded.config().srcType().configValue(), sample);
    }
  }

  @Test
  void theFilterSampleLoadsAndSelectsAsDescribed() throws Exception {
    LoadedConfig<JobConfig> loaded = loadJobSample("## 9. ");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    JobConfig config = loaded.config();
    assertTrue(config.pathFilter().includes("photos/2024/a.jpg"));
    assertTrue(!config.pathFilter().includes("photos/a.tmp"));
    assertTrue(!config.pathFilter().includes("docs/a.txt"));
    assertEquals(1024, config.minSize());
    assertEquals(1735689599L, config.importUntil());
  }

  @Test
  void theBandwidthSampleLoadsAndCapsByTimeOfDay() throws Exception {
    Path sys = temp.resolve("sys.properties");
    Files.write(sys, firstBlockAfter("## 13. ").getBytes(StandardCharsets.UTF_8));

    LoadedConfig<SysConfig> loaded = new SysConfigLoader().load(sys);

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    SysConfig config = loaded.config();
    assertEquals(0, config.workerMaxThroughputKbPerSecond());
    assertEquals(512, config.throughputCapAt(9 * 60));
    assertEquals(2048, config.throughputCapAt(12 * 60 + 30));
    assertEquals(0, config.throughputCapAt(23 * 60), "off at night: no cap");
    assertEquals(0, config.throughputCapAt(3 * 60), "the last entry holds past midnight");
  }

  @Test
  void theSkipExistingSampleLoadsWithListingOn() throws Exception {
    LoadedConfig<JobConfig> loaded = loadJobSample("## 11. ");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    assertTrue(loaded.config().isSkipExistFile());
    assertEquals(SkipExistMode.AUTO, loaded.config().skipExistMode());
  }

  @Test
  void theObjectAttributesSampleLoadsAndSetsWhatItSays() throws Exception {
    LoadedConfig<JobConfig> loaded = loadJobSample("## 10. ");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    WriteAttributes a = loaded.config().writeAttributes();
    assertEquals("IA", a.storageClass());
    assertEquals("private", a.objectAcl());
    assertEquals("media", a.tags().get("team"));
    assertEquals("max-age=86400", a.headers().get("Cache-Control"));
    assertEquals("attachment", a.headers().get("Content-Disposition"));
    assertEquals("ossimport", a.headers().get("x-oss-meta-origin"));
    assertEquals("KMS", a.serverSideEncryption());
    assertEquals("9468da86-3509-4f8d-a61e-6eab1eac****", a.kmsKeyId());
    assertTrue(!a.keepSourceAttributes());
  }

  @Test
  void theNetworkSampleLoadsWithItsProxyAndTimeouts() throws Exception {
    LoadedConfig<JobConfig> loaded =
        loadJobSample("## 12. ", "proxyPassword=...", "proxyPassword=pw");

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    NetworkSettings network = loaded.config().network();
    ProxyServer proxy = network.proxyFor(loaded.config().destDomain());
    assertEquals("http://proxy.example.com:3128", proxy.toString());
    assertEquals("mover", proxy.user());
    assertEquals(null, network.proxyFor("http://db.internal.example"));
    assertEquals(10_000, network.connectTimeoutMillis());
    assertEquals(60_000, network.readTimeoutMillis());
  }

  @Test
  void thePrivateCaSampleLoadsAndTrustsTheFilesCa() throws Exception {
    Path pem = TestCertificates.create(temp).caPem();

    LoadedConfig<JobConfig> loaded =
        loadJobSample(
            "### 12.1. ",
            "caCertFile=/etc/ossimport/internal-ca.pem",
            "caCertFile=" + slashes(pem));

    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    NetworkSettings network = loaded.config().network();
    assertEquals(slashes(pem), network.caCertFile());
    assertTrue(
        Arrays.stream(network.trustManager().getAcceptedIssuers())
            .anyMatch(c -> c.getSubjectX500Principal().getName().equals("CN=ossimport test CA")),
        "the file's CA is trusted");
  }

  @Test
  void noSampleLineCarriesACommentAfterItsValue() throws IOException {
    // '#' starts a comment only at the beginning of a line; after a value it is part of the value,
    // so a sample copied with a trailing comment would silently carry it.
    boolean inBlock = false;
    int number = 0;
    for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
      number++;
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && line.matches("^[A-Za-z][A-Za-z0-9_.]*=\\S*\\s+#.*")) {
        throw new AssertionError(GUIDE + ":" + number + ": comment after a value: " + line);
      }
    }
  }

  /**
   * Loads the first block after {@code heading} as a job file, with the guide's placeholders made
   * real: the local {@code srcPrefix=/data/} becomes this test's directory, the {@code ...} keys
   * values that load, then each {@code replacements} pair (text, by what) is applied.
   */
  private LoadedConfig<JobConfig> loadJobSample(String heading, String... replacements)
      throws Exception {
    String sample =
        firstBlockAfter(heading)
            .replace("srcPrefix=/data/", "srcPrefix=" + slashes(temp) + "/")
            .replace("destSecretKey=...", "destSecretKey=secret")
            .replace("destAccessKey=...", "destAccessKey=id");
    for (int i = 0; i + 1 < replacements.length; i += 2) {
      sample = sample.replace(replacements[i], replacements[i + 1]);
    }
    return load(sample);
  }

  /** Loads {@code jobText} as a job file, with no environment. */
  private LoadedConfig<JobConfig> load(String jobText) throws Exception {
    Path job = Files.createTempFile(temp, "sample", ".cfg");
    Files.write(job, jobText.getBytes(StandardCharsets.UTF_8));
    return new JobConfigLoader(Collections.<String, String>emptyMap())
        .load(job, Collections.<String, String>emptyMap(), "inline");
  }

  /** The first of several samples in one block: up to the first blank line. */
  private static String firstConfigOf(String block) {
    int blank = block.indexOf("\n\n");
    return blank < 0 ? block : block.substring(0, blank + 1);
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
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
