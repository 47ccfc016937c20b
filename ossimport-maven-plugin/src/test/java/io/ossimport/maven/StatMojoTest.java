package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ossimport:stat prints the original shape; unknown jobs and broken trees map as they should. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class StatMojoTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void aSubmittedJobIsShownInTheOriginalShape(@InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "stat", 1);
    open().submit(job.jobConfig);

    run(stat);

    assertTrue(log.text().contains("INFO JobName:sample_job"), log.text());
    assertTrue(log.text().contains("INFO JobState:Running"), log.text());
  }

  @Test
  void noJobPrintsTheOriginalSentence(@InjectMojo(goal = "stat") StatMojo stat) throws Exception {
    run(stat);

    assertEquals(Collections.singletonList("INFO no jobs is running or finished."), log.lines());
  }

  @Test
  void anUnknownJobIsAFailureNamingIt(
      @InjectMojo(goal = "stat") @MojoParameter(name = "jobName", value = "no_such_job")
          StatMojo stat) {
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(stat));

    assertTrue(failure.getMessage().contains("no_such_job"), failure.getMessage());
  }

  @Test
  void anAbortStoredWithTheOldAdviceNamesTheGoalsOnly(@InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "old-abort", 1);
    open().submit(job.jobConfig);
    new JobTree(work())
        .updateJob(
            "sample_job",
            r -> r.withAbort("the source is gone; restore it, then run retry and start"));

    MojoExecutionException failure = assertThrows(MojoExecutionException.class, () -> run(stat));

    assertEquals(
        "Job sample_job was aborted: the source is gone; restore it. Fix the cause, then run"
            + " ossimport:retry and ossimport:start: the objects already done are kept.",
        failure.getMessage());
    assertTrue(log.text().contains("AbortReason:the source is gone; restore it"), log.text());
    assertFalse(log.text().contains("run retry"), log.text());
  }

  @Test
  void anUnreadableJobTreeIsAnExecutionErrorWithItsCause(@InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "broken", 1);
    open().submit(job.jobConfig);
    Path record = work().resolve("master/jobs/sample_job/JOB");
    Files.write(record, "not a job record\n".getBytes(StandardCharsets.UTF_8));

    MojoExecutionException error = assertThrows(MojoExecutionException.class, () -> run(stat));

    assertNotNull(error.getCause(), "the core's exception is attached");
  }

  @Test
  void theSysConfigNamesTheWorkingDirectory(@InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "sys-config", 1);
    open().submit(job.jobConfig);
    Path sys = dir.resolve("sys.properties");
    Files.write(sys, ("workingDir=" + work() + "\n").getBytes(StandardCharsets.UTF_8));
    MojoHarness.setField(stat, "sysConfig", sys.toFile());
    stat.setLog(log);

    stat.execute();

    assertTrue(log.text().contains("INFO JobName:sample_job"), log.text());
  }

  @Test
  void aBrokenSysConfigIsAFailureNamingTheKey(@InjectMojo(goal = "stat") StatMojo stat)
      throws Exception {
    Path sys = dir.resolve("sys.properties");
    Files.write(sys, "workerTaskThreadNum=many\n".getBytes(StandardCharsets.UTF_8));
    MojoHarness.setField(stat, "sysConfig", sys.toFile());

    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(stat));

    assertTrue(failure.getMessage().contains("workerTaskThreadNum='many'"), failure.getMessage());
  }

  private OssImport open() throws Exception {
    return OssImport.open(
        null,
        Collections.singletonMap("workingDir", work().toString()),
        Collections.<String, String>emptyMap(),
        ImportListener.NONE);
  }

  private Path work() {
    return dir.resolve("work");
  }

  private void run(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", work().toFile());
    mojo.setLog(log);
    mojo.execute();
  }
}
