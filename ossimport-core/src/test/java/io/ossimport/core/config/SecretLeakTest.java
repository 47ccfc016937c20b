package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unique secret planted in every secret key (and in a few places where users put secrets by
 * mistake) must not appear in any text the configuration code produces for people.
 */
class SecretLeakTest {
  private static final String SECRET = "Pl4nted-S3cret-7f3a9c";

  @TempDir Path dir;
  private final StringBuilder produced = new StringBuilder();

  @Test
  void noSecretInProblemsWarningsExceptionsOrToString() throws Exception {
    Path broken = dir.resolve("broken_job.cfg");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(
        ("srcType=oss\n"
                + "srcSecretKey="
                + SECRET
                + "\n"
                + "destSecretKey="
                + SECRET
                + "\n"
                + "destSecretKy="
                + SECRET
                + "\n"
                + SECRET
                + "\n"
                + "expressTunnelAuthToken="
                + SECRET
                + "\n"
                + "isUseExpressTunnel=true\n"
                + "destSecretKey=")
            .getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8
    bytes.write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(broken, bytes.toByteArray());

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new JobConfigLoader(Collections.<String, String>emptyMap()).load(broken));
    record(e);
    assertTrue(e.problems().size() >= 5, e.getMessage());
    assertTrue(!e.warnings().isEmpty(), e.getMessage());

    ConfigurationException fromEnv =
        assertThrows(
            ConfigurationException.class,
            () ->
                new JobConfigLoader(Collections.singletonMap("OSS_ACCESS_KEY_SECRET", SECRET))
                    .load(Jobs.with("destSecretKey", "", "destPrefix", "/x"), Jobs.FILE));
    record(fromEnv);

    Map<String, String> keys =
        Jobs.with("destSecretKey", SECRET, "srcSecretKey", SECRET, "destSecretKy", SECRET);
    LoadedConfig<JobConfig> job = Jobs.load(keys);
    JobConfig config = job.config();
    produced
        .append(job)
        .append(config)
        .append(config.describe())
        .append(CanonicalJobConfig.digest(config))
        .append(config.destSecretKey())
        .append(config.value(JobKeys.SRC_SECRET_KEY));
    record(job.warnings(), Collections.<ConfigProblem>emptyList());

    Map<String, String> sys = new HashMap<String, String>();
    sys.put("workerPassword", SECRET);
    sys.put("slavePassword", SECRET);
    sys.put("workerPasword", SECRET);
    LoadedConfig<SysConfig> system = new SysConfigLoader().load(sys, "sys.properties");
    produced.append(system).append(system.config()).append(system.config().describe());
    record(system.warnings(), Collections.<ConfigProblem>emptyList());

    assertTrue(produced.length() > 1000, "the test must have produced text to search");
    assertFalse(produced.toString().contains(SECRET), produced.toString());

    // Positive control: the canonical form for the owner-only job tree does hold the secret.
    assertTrue(CanonicalJobConfig.write(config).contains("destSecretKey=" + SECRET + "\n"));
  }

  private void record(ConfigurationException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    produced.append(e.getMessage()).append(e).append(trace);
    record(e.warnings(), e.problems());
  }

  private void record(List<ConfigWarning> warnings, List<ConfigProblem> problems) {
    for (ConfigWarning w : warnings) {
      produced.append(w).append(w.key()).append(w.value()).append(w.message()).append(w.advice());
    }
    for (ConfigProblem p : problems) {
      produced.append(p).append(p.key()).append(p.value()).append(p.message()).append(p.fix());
    }
  }
}
