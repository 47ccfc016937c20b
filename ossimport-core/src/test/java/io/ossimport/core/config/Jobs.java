package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A valid job configuration to break one key at a time, and what loading it reports. */
final class Jobs {
  /** The label problems show for inline keys in these tests. */
  static final String FILE = "conf/local_job.cfg";

  private Jobs() {}

  /** A valid local → OSS job, keys in template order. */
  static Map<String, String> valid() {
    Map<String, String> keys = new LinkedHashMap<String, String>();
    keys.put("srcType", "local");
    keys.put("srcPrefix", "/data/example/");
    keys.put("destAccessKey", "LTAI5tExampleKeyId");
    keys.put("destSecretKey", "exampleSecretValue");
    keys.put("destDomain", "http://oss-cn-hangzhou-internal.aliyuncs.com");
    keys.put("destBucket", "mybucket");
    keys.put("destPrefix", "docs/");
    return keys;
  }

  /** {@link #valid()} with pairs {@code key, value} set (a {@code null} value removes the key). */
  static Map<String, String> with(String... keyValues) {
    Map<String, String> keys = valid();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        keys.remove(keyValues[i]);
      } else {
        keys.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return keys;
  }

  static LoadedConfig<JobConfig> load(Map<String, String> keys) throws ConfigurationException {
    return new JobConfigLoader(Collections.<String, String>emptyMap()).load(keys, FILE);
  }

  /** The problems of loading {@code keys}, none if it loads. */
  static List<ConfigProblem> problems(Map<String, String> keys) {
    try {
      load(keys);
      return Collections.emptyList();
    } catch (ConfigurationException e) {
      return e.problems();
    }
  }

  /** The warnings of loading {@code keys}, which must load. */
  static List<ConfigWarning> warnings(Map<String, String> keys) throws ConfigurationException {
    return load(keys).warnings();
  }

  /** Asserts that setting {@code key=value} gives exactly one problem, shown as {@code line}. */
  static void assertProblem(String line, String... keyValues) {
    assertEquals(Collections.singletonList(line), lines(problems(with(keyValues))));
  }

  /** Asserts that setting {@code key=value} loads without problems or warnings. */
  static void assertAccepted(String... keyValues) throws ConfigurationException {
    LoadedConfig<JobConfig> loaded = load(with(keyValues));
    assertTrue(loaded.warnings().isEmpty(), () -> "unexpected warnings " + loaded.warnings());
  }

  static List<String> lines(List<?> notices) {
    List<String> out = new ArrayList<String>();
    for (Object n : notices) {
      out.add(n.toString());
    }
    return out;
  }
}
