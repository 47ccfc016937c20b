package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ossimport:submit: what it reads, what it refuses, and how each refusal reaches Maven. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class SubmitMojoTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void nothingToSubmitIsAFailureThatNamesBothWays(@InjectMojo(goal = "submit") SubmitMojo submit)
      throws Exception {
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(submit));

    assertTrue(failure.getMessage().contains("<jobConfig>"), failure.getMessage());
    assertTrue(failure.getMessage().contains("<job>"), failure.getMessage());
  }

  @Test
  void aRejectedJobConfigIsAFailureWithTheCoresMessageAndWritesNothing(
      @InjectMojo(goal = "submit") SubmitMojo submit) throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "rejected", 1, "destPrefix=/absolute/");
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(submit));

    assertTrue(failure.getMessage().contains("destPrefix='/absolute/'"), failure.getMessage());
    assertTrue(failure.getMessage().contains("local_job.cfg"), failure.getMessage());
    assertFalse(Files.exists(dir.resolve("work/master/jobs/sample_job")));
  }

  @Test
  void aDryRunLogsTheReportAndWritesNothing(@InjectMojo(goal = "submit") SubmitMojo submit)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "dry-run", 2, "destPrefix=backup/");
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "dryRun", true);
    oss.counters().reset();

    run(submit);

    String text = log.text();
    assertTrue(text.contains("INFO Dry run of job sample_job: nothing written"), text);
    assertTrue(text.contains("INFO Would import: 2 objects, "), text);
    assertTrue(text.contains(" -> backup/"), text);
    assertFalse(text.contains("Submitted job"), text);
    assertFalse(Files.exists(dir.resolve("work")), "no working directory");
    assertEquals(0, oss.counters().total(), oss.counters().toJson());
  }

  @Test
  void aMisspeltInlineKeyIsWarnedAboutOnce(@InjectMojo(goal = "submit") SubmitMojo submit)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "typo", 1);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "job", Collections.singletonMap("destPrefx", "typo/"));

    run(submit);

    String text = log.text();
    int first = text.indexOf("destPrefx");
    assertTrue(first >= 0 && text.startsWith("WARN", text.lastIndexOf('\n', first) + 1), text);
    assertEquals(first, text.lastIndexOf("destPrefx"), "the warning once, not twice: " + text);
  }

  @Test
  void aDefaultWorkDirIsOutsideTheBuildDirectoryAndOneUnderItIsWarnedAbout(
      @InjectMojo(goal = "submit") SubmitMojo submit) throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "under-target", 1);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "baseDirectory", dir.toFile());
    MojoHarness.setField(submit, "buildDirectory", dir.resolve("target").toFile());
    submit.setLog(log);
    submit.execute();
    assertTrue(Files.isDirectory(dir.resolve(".ossimport/master/jobs/sample_job")), log.text());
    assertFalse(log.text().contains("under the build directory"), log.text());

    MojoHarness.setField(submit, "workDir", dir.resolve("target/ossimport").toFile());
    MojoHarness.setField(submit, "jobName", "second");
    submit.execute();
    assertTrue(
        log.text().contains("WARN The working directory " + dir.resolve("target/ossimport")),
        log.text());
    assertTrue(log.text().contains("mvn clean deletes the job"), log.text());
  }

  @Test
  void aMissingBucketIsAFailureAtSubmitUnlessOffline(
      @InjectMojo(goal = "submit") SubmitMojo checked,
      @InjectMojo(goal = "submit") @MojoParameter(name = "offline", value = "true")
          SubmitMojo offline)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "preflight", 1);
    Map<String, String> missing = Collections.singletonMap("destBucket", "no-such-bucket");
    MojoHarness.setField(checked, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(checked, "job", missing);
    MojoHarness.setField(offline, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(offline, "job", missing);

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(checked));
    assertTrue(
        failure.getMessage().contains("destBucket='no-such-bucket': does not exist at "),
        failure.getMessage());
    assertFalse(Files.exists(dir.resolve("work/master/jobs/sample_job")));

    run(offline);
    assertTrue(Files.exists(dir.resolve("work/master/jobs/sample_job")));
  }

  @Test
  void inlineKeysOverrideTheJobConfig(
      @InjectMojo(goal = "submit") @MojoParameter(name = "jobName", value = "renamed_job")
          SubmitMojo submit)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "inline", 1, "destPrefix=/absolute/");
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "job", Collections.singletonMap("destPrefix", "relative/"));

    run(submit);

    assertTrue(log.text().contains("INFO Submitted job renamed_job"), log.text());
  }

  @Test
  void skipExistModeFlowsThroughTheInlineJobAndABadValueIsRefused(
      @InjectMojo(goal = "submit") SubmitMojo bad, @InjectMojo(goal = "submit") SubmitMojo good)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "skipmode", 1);
    MojoHarness.setField(bad, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(bad, "job", Collections.singletonMap("skipExistMode", "listing"));
    MojoHarness.setField(good, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(good, "job", Collections.singletonMap("skipExistMode", "list"));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(bad));
    assertTrue(
        failure.getMessage().contains("skipExistMode='listing': must be one of head, list, auto"),
        failure.getMessage());
    run(good);

    String frozen =
        new String(
            Files.readAllBytes(dir.resolve("work/master/jobs/sample_job/job.cfg")),
            StandardCharsets.UTF_8);
    assertTrue(frozen.contains("skipExistMode=list"), frozen);
  }

  @Test
  void submittingAnExistingJobIsAFailureThatSaysToCleanFirst(
      @InjectMojo(goal = "submit") SubmitMojo first, @InjectMojo(goal = "submit") SubmitMojo again)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "twice", 1);
    MojoHarness.setField(first, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(again, "jobConfig", job.jobConfig.toFile());
    run(first);

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(again));

    assertTrue(failure.getMessage().contains("sample_job"), failure.getMessage());
    assertTrue(failure.getMessage().contains("clean"), failure.getMessage());
  }

  @Test
  void theServersCredentialsReplaceTheJobConfigsAndAreNeverLogged(
      @InjectMojo(goal = "submit") @MojoParameter(name = "serverId", value = "oss-emulator")
          SubmitMojo submit,
      @InjectMojo(goal = "start") @MojoParameter(name = "serverId", value = "oss-emulator")
          StartMojo start)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "server", 2);
    Files.write(
        job.jobConfig,
        Arrays.asList("destAccessKey=wrong-id", "destSecretKey=wrong-secret"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "settings", settings("oss-emulator", oss.secretAccessKey()));
    MojoHarness.setField(start, "settings", settings("oss-emulator", oss.secretAccessKey()));

    run(submit);
    run(start);

    assertEquals(job.files, SampleJob.objects(oss, "server"));
    assertFalse(log.text().contains(oss.secretAccessKey()), log.text());
  }

  @Test
  void aPasswordFixedInTheServerIsUsedByTheNextRetryAndStart(
      @InjectMojo(goal = "submit") @MojoParameter(name = "serverId", value = "oss-emulator")
          SubmitMojo submit,
      @InjectMojo(goal = "start") @MojoParameter(name = "serverId", value = "oss-emulator")
          StartMojo first,
      @InjectMojo(goal = "retry") @MojoParameter(name = "serverId", value = "oss-emulator")
          RetryMojo retry,
      @InjectMojo(goal = "start") @MojoParameter(name = "serverId", value = "oss-emulator")
          StartMojo again)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "fixed-server", 2);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "offline", true);
    MojoHarness.setField(submit, "settings", settings("oss-emulator", "wrong-password-0123"));
    MojoHarness.setField(first, "settings", settings("oss-emulator", "wrong-password-0123"));
    run(submit);
    assertFalse(
        new String(
                Files.readAllBytes(dir.resolve("work/master/jobs/sample_job/job.cfg")),
                StandardCharsets.UTF_8)
            .contains("wrong-password"),
        "the job tree keeps only the origin");
    assertThrows(MojoFailureException.class, () -> run(first));
    assertTrue(SampleJob.objects(oss, "fixed-server").isEmpty());

    MojoHarness.setField(retry, "settings", settings("oss-emulator", oss.secretAccessKey()));
    MojoHarness.setField(again, "settings", settings("oss-emulator", oss.secretAccessKey()));
    run(retry);
    run(again);

    assertEquals(job.files, SampleJob.objects(oss, "fixed-server"));
    assertFalse(log.text().contains(oss.secretAccessKey()), log.text());
  }

  @Test
  void aSecretInTheInlineJobIsRefusedWithWhereToPutIt(
      @InjectMojo(goal = "submit") SubmitMojo submit) throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "inline-secret", 1);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "job", Collections.singletonMap("destSecretKey", "inline"));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(submit));

    assertTrue(failure.getMessage().contains("settings.xml <server>"), failure.getMessage());
  }

  @Test
  void anUnknownServerIdIsAFailureThatSaysWhatToAdd(
      @InjectMojo(goal = "submit") @MojoParameter(name = "serverId", value = "missing")
          SubmitMojo submit)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "unknown-server", 1);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "settings", settings("other", "secret"));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(submit));

    assertTrue(failure.getMessage().contains("<id>missing</id>"), failure.getMessage());
  }

  @Test
  void credentialsFromBothTheServerAndInlineKeysAreRefused(
      @InjectMojo(goal = "submit") @MojoParameter(name = "serverId", value = "oss-emulator")
          SubmitMojo submit)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "twice-credentials", 1);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(submit, "job", Collections.singletonMap("destSecretKey", "inline"));
    MojoHarness.setField(submit, "settings", settings("oss-emulator", oss.secretAccessKey()));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(submit));

    assertTrue(failure.getMessage().contains("Credentials set twice"), failure.getMessage());
  }

  private Settings settings(String serverId, String password) {
    Server server = new Server();
    server.setId(serverId);
    server.setUsername(oss.accessKeyId());
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  private void run(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", dir.resolve("work").toFile());
    mojo.setLog(log);
    mojo.execute();
  }
}
