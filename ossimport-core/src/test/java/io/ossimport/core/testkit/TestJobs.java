package io.ossimport.core.testkit;

import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Job configurations for engine tests: a local source directory into one bucket. */
public final class TestJobs {
  private TestJobs() {}

  /** The keys of a local job; the destination is whatever endpoint and keys are given. */
  public static Map<String, String> localJob(
      String jobName, Path src, String endpoint, String accessKey, String secret, String bucket) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("jobName", jobName);
    keys.put("srcType", "local");
    keys.put("srcPrefix", src.toAbsolutePath().toString().replace('\\', '/') + "/");
    keys.put("destAccessKey", accessKey);
    keys.put("destSecretKey", secret);
    keys.put("destDomain", endpoint);
    keys.put("destBucket", bucket);
    keys.put("destPrefix", "backup/");
    return keys;
  }

  /** A local job into a destination nobody listens on (tests that never upload). */
  public static Map<String, String> offlineJob(String jobName, Path src) {
    return localJob(
        jobName, src, "http://127.0.0.1:9", "test-key-id", "test-secret", "test-bucket");
  }

  /**
   * Writes {@code keys} as a job file: submit then freezes only where its secrets are (the file),
   * so that a later start finds them there again.
   */
  public static Path writeJobFile(Path file, Map<String, String> keys) throws IOException {
    StringBuilder text = new StringBuilder("# written by the test\n");
    for (Map.Entry<String, String> e : keys.entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  public static JobConfig config(Map<String, String> keys) throws Exception {
    return new JobConfigLoader(Collections.<String, String>emptyMap())
        .load(keys, "test job")
        .config();
  }

  /** The canonical text submit freezes into the tree. */
  public static String frozen(Map<String, String> keys) throws Exception {
    return CanonicalJobConfig.write(config(keys));
  }
}
