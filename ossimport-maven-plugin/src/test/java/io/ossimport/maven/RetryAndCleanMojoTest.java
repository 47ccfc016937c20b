package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** retry and clean: which job they act on, and what they say when there is nothing to do. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class RetryAndCleanMojoTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void retryOfAJobWithoutFailedTasksSaysSoInTheOriginalWords(
      @InjectMojo(goal = "retry") RetryMojo retry) throws Exception {
    open().submit(SampleJob.create(dir, oss, "retry-none", 1).jobConfig);

    run(retry);

    assertTrue(log.text().contains("INFO None failed tasks for job:sample_job."), log.text());
  }

  @Test
  void withoutAJobNameRetryAndCleanNeedTheOnlyJob(
      @InjectMojo(goal = "retry") RetryMojo retry, @InjectMojo(goal = "clean") CleanMojo clean)
      throws Exception {
    MojoFailureException none = assertThrows(MojoFailureException.class, () -> run(retry));
    assertTrue(none.getMessage().contains("run ossimport:submit first"), none.getMessage());

    SampleJob job = SampleJob.create(dir, oss, "two-jobs", 1);
    open().submit(job.jobConfig, Collections.singletonMap("jobName", "first_job"));
    open().submit(job.jobConfig, Collections.singletonMap("jobName", "second_job"));

    MojoFailureException several = assertThrows(MojoFailureException.class, () -> run(clean));
    assertTrue(several.getMessage().contains("-Dossimport.jobName=NAME"), several.getMessage());
    assertTrue(several.getMessage().contains("first_job"), several.getMessage());
  }

  @Test
  void cleaningAnUnknownJobIsAFailureNamingIt(
      @InjectMojo(goal = "clean") @MojoParameter(name = "jobName", value = "ghost_job")
          CleanMojo clean) {
    MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(clean));

    assertTrue(failure.getMessage().contains("ghost_job"), failure.getMessage());
  }

  private OssImport open() throws Exception {
    return OssImport.open(
        null,
        Collections.singletonMap("workingDir", dir.resolve("work").toString()),
        Collections.<String, String>emptyMap(),
        ImportListener.NONE);
  }

  private void run(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", dir.resolve("work").toFile());
    mojo.setLog(log);
    mojo.execute();
  }
}
