package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.config.ConfigKey;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.JobKeys;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.config.SysKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * conf/local_job.cfg and conf/sys.properties of the distribution: every key of the core's key
 * catalogue, at its default, loadable without warnings.
 */
class ShippedConfigurationTest {
  private static final Path CONF = Paths.get("src", "dist", "conf");

  /** key to value of the non-comment lines, in file order. */
  private static Map<String, String> keys(Path file) throws IOException {
    Map<String, String> keys = new LinkedHashMap<String, String>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      assertTrue(eq > 0, file + ": not key=value: " + line);
      String key = trimmed.substring(0, eq).trim();
      assertTrue(keys.put(key, trimmed.substring(eq + 1).trim()) == null, "twice: " + key);
    }
    return keys;
  }

  @Test
  void theJobFileHasEveryKeyOfTheCatalogueAtItsDefault() throws IOException {
    Map<String, String> shipped = keys(CONF.resolve("local_job.cfg"));
    Set<String> expected = new TreeSet<String>();
    for (ConfigKey key : JobKeys.CATALOGUE.keys()) {
      expected.add(key.name());
      assertTrue(shipped.containsKey(key.name()), "local_job.cfg lacks " + key.name());
      assertEquals(key.defaultValue(), shipped.get(key.name()), key.name());
    }
    assertEquals(expected, new TreeSet<String>(shipped.keySet()));
    assertEquals("local_test", shipped.get("jobName"));
  }

  @Test
  void theSystemFileHasEveryStandaloneKeyAtItsDefault() throws IOException {
    Map<String, String> shipped = keys(CONF.resolve("sys.properties"));
    Set<String> expected = new TreeSet<String>();
    for (ConfigKey key : SysKeys.CATALOGUE.keys()) {
      if (key == SysKeys.SSH_PORT) {
        continue; // distributed mode only; the original standalone file has no sshPort either
      }
      expected.add(key.name());
      assertEquals(key.defaultValue(), shipped.get(key.name()), key.name());
    }
    assertEquals(expected, new TreeSet<String>(shipped.keySet()));
  }

  @Test
  void theSystemFileLoadsWithoutWarnings() throws Exception {
    LoadedConfig<SysConfig> loaded = new SysConfigLoader().load(CONF.resolve("sys.properties"));
    assertEquals(Collections.emptyList(), loaded.warnings());
    assertEquals("1024m", loaded.config().javaHeapMaxSize());
  }

  @Test
  void theJobFileNamesWhatTheUserMustFillIn() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new JobConfigLoader(Collections.<String, String>emptyMap())
                    .load(CONF.resolve("local_job.cfg")));
    Set<String> keys = new TreeSet<String>();
    for (ConfigProblem problem : e.problems()) {
      keys.add(problem.key());
      assertTrue(!problem.fix().isEmpty(), problem.toString());
    }
    assertTrue(
        keys.containsAll(
            java.util.Arrays.asList(
                "srcPrefix", "destAccessKey", "destSecretKey", "destDomain", "destBucket")),
        keys.toString());
  }

  @Test
  void theJobFileLoadsWithoutWarningsOnceFilledIn() throws Exception {
    Map<String, String> filled = new HashMap<String, String>();
    filled.put("srcPrefix", Paths.get("").toAbsolutePath().toString().replace('\\', '/') + "/");
    filled.put("destAccessKey", "an-access-key");
    filled.put("destSecretKey", "a-secret");
    filled.put("destDomain", "http://oss-cn-hangzhou.aliyuncs.com");
    filled.put("destBucket", "a-bucket");
    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(Collections.<String, String>emptyMap())
            .load(CONF.resolve("local_job.cfg"), filled, "test");
    List<?> warnings = loaded.warnings();
    assertEquals(Collections.emptyList(), warnings);
  }
}
