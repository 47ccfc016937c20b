package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ossimport:diff: the core's summary in the log, a failed build when the two sides differ. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class DiffMojoTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void aDifferenceFailsTheBuildNamingTheReportAndFailOnDifferenceFalseOnlyLogsIt(
      @InjectMojo(goal = "diff") DiffMojo diff) throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "diff-mojo", 3);
    MojoHarness.setField(diff, "jobConfig", job.jobConfig.toFile());
    OSS client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    String missing;
    try {
      missing = job.files.keySet().iterator().next();
      for (Map.Entry<String, Long> f : job.files.entrySet()) {
        if (!f.getKey().equals(missing)) {
          client.putObject("diff-mojo", f.getKey(), job.source.resolve(f.getKey()).toFile());
        }
      }
      client.putObject("diff-mojo", "extra.bin", new ByteArrayInputStream(new byte[2]));
    } finally {
      client.shutdown();
    }
    oss.counters().reset();

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(diff));

    assertTrue(
        failure.getMessage().contains("1 missing, 0 different, 1 extra"), failure.getMessage());
    Path report = dir.resolve("work/logs");
    try (java.util.stream.Stream<Path> files = Files.list(report)) {
      Path file =
          files
              .filter(p -> p.getFileName().toString().startsWith("diff-sample_job-"))
              .findFirst()
              .get();
      assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
      assertEquals(
          Arrays.asList("MISSING " + missing + " " + job.files.get(missing), "EXTRA extra.bin 2"),
          Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    assertTrue(log.text().contains("missing: 1 ("), log.text());
    assertEquals(0, oss.counters().get(Operation.PutObject), oss.counters().toJson());
    assertFalse(Files.exists(dir.resolve("work/master/jobs/sample_job")), "no job");

    MojoHarness.setField(diff, "failOnDifference", false);
    run(diff);
    assertTrue(log.text().contains("the destination differs from the source"), log.text());
  }

  @Test
  void nothingToCompareIsAFailureThatNamesBothWays(@InjectMojo(goal = "diff") DiffMojo diff)
      throws Exception {
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(diff));

    assertTrue(failure.getMessage().contains("<jobConfig>"), failure.getMessage());
  }

  private void run(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", dir.resolve("work").toFile());
    mojo.setLog(log);
    mojo.execute();
  }
}
