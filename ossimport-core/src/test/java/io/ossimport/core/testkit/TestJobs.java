package io.ossimport.core.testkit;

import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
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
