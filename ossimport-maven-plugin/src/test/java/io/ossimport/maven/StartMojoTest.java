package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ossimport:start runs a submitted job to its end inside the build, then reports it. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class StartMojoTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void startRunsTheSubmittedJobToSucceedAndStatShowsIt(
      @InjectMojo(goal = "submit") SubmitMojo submit,
      @InjectMojo(goal = "start") StartMojo start,
      @InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "succeeds", 6);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());

    run(submit);
    run(start);
    run(stat);

    assertEquals(job.files, SampleJob.objects(oss, "succeeds"));
    assertTrue(
        log.text().contains("INFO Job sample_job: Succeed. Objects: 6 of 6 done"), log.text());
    assertTrue(log.text().contains("INFO JobState:Succeed"), log.text());
  }

  @Test
  void anObjectAttributeKeyFlowsThroughTheInlineJob(
      @InjectMojo(goal = "submit") SubmitMojo submit, @InjectMojo(goal = "start") StartMojo start)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "maven-attrs", 2);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    MojoHarness.setField(
        submit, "job", java.util.Collections.singletonMap("storageClass", "ColdArchive"));

    run(submit);
    run(start);

    java.util.Iterator<io.ossimport.emulator.store.ObjectSummary> it =
        oss.store().list("maven-attrs", null, true);
    int objects = 0;
    while (it.hasNext()) {
      assertEquals("ColdArchive", it.next().storageClass());
      objects++;
    }
    assertEquals(2, objects);
  }

  @Test
  void failedTasksFailTheBuildAndTheSummaryNamesTheirAuditLog(
      @InjectMojo(goal = "submit") SubmitMojo submit, @InjectMojo(goal = "start") StartMojo start)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "fails", 4);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    run(submit);
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(start));

    assertTrue(failure.getMessage().contains("sample_job has 1 failed task"), failure.getMessage());
    assertTrue(log.text().contains("WARN Job sample_job: Failed."), log.text());
    assertTrue(log.text().contains("audit.log"), log.text());
    assertTrue(log.text().contains("error.list"), log.text());
  }

  @Test
  void aBucketThatIsGoneAbortsTheJobAndTheFailureNamesTheCauseAndTheWayBack(
      @InjectMojo(goal = "submit") SubmitMojo submit, @InjectMojo(goal = "start") StartMojo start)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "gone", 8);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    run(submit);
    for (int i = 0; i < 8; i++) {
      oss.faults().script(Operation.PutObject, FaultSpec.error(404, "NoSuchBucket"));
    }

    MojoExecutionException failure = assertThrows(MojoExecutionException.class, () -> run(start));

    assertTrue(failure.getMessage().contains("sample_job was aborted: "), failure.getMessage());
    assertTrue(failure.getMessage().contains("NoSuchBucket"), failure.getMessage());
    assertTrue(failure.getMessage().contains("check destBucket"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("then run ossimport:retry and ossimport:start"),
        failure.getMessage());
    assertTrue(log.text().contains("Aborted: the destination failed"), log.text());
  }

  @Test
  void withoutFailOnTaskErrorsFailedTasksWarnAndRetryRedoesThem(
      @InjectMojo(goal = "submit") SubmitMojo submit,
      @InjectMojo(goal = "start") @MojoParameter(name = "failOnTaskErrors", value = "false")
          StartMojo lenientStart,
      @InjectMojo(goal = "retry") RetryMojo retry,
      @InjectMojo(goal = "start") StartMojo start)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "retried", 5);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    run(submit);
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));

    run(lenientStart);
    assertEquals(job.files.size() - 1, SampleJob.objects(oss, "retried").size());
    assertTrue(log.text().contains("ossimport.failOnTaskErrors is false"), log.text());

    run(retry);
    run(start);

    assertTrue(log.text().contains("INFO Retry has been submitted: 1 failed task"), log.text());
    assertTrue(log.text().contains("INFO Job sample_job: Succeed."), log.text());
    assertTrue(
        log.text().contains("Succeed. Objects: 5 of 5 done"),
        "the objects of the first start still count: " + log.text());
    assertEquals(job.files, SampleJob.objects(oss, "retried"));
  }

  @Test
  void aJobStillRunningAtTheTimeoutStopsTheServiceAndFailsTheBuild(
      @InjectMojo(goal = "submit") SubmitMojo submit,
      @InjectMojo(goal = "start") @MojoParameter(name = "timeout", value = "1") StartMojo start,
      @InjectMojo(goal = "stat") @MojoParameter(name = "jobName", value = "sample_job")
          StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "slow", 3);
    MojoHarness.setField(submit, "jobConfig", job.jobConfig.toFile());
    run(submit);
    oss.faults().always(Operation.PutObject, FaultSpec.latency(1500));

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(start));

    assertTrue(failure.getMessage().contains("still running after 1 s"), failure.getMessage());
    run(stat);
    assertTrue(log.text().contains("INFO JobState:Running"), log.text());
  }

  @Test
  void startWithoutASubmittedJobSaysToSubmitFirst(@InjectMojo(goal = "start") StartMojo start)
      throws Exception {
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(start));

    assertTrue(failure.getMessage().contains("run ossimport:submit first"), failure.getMessage());
  }

  private void run(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", dir.resolve("work").toFile());
    mojo.setLog(log);
    mojo.execute();
  }
}
