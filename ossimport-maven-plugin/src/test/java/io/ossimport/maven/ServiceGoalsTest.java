package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** stop, clean and a second start against a service that holds the working directory. */
@MojoTest
@ExtendWith(OssEmulatorExtension.class)
class ServiceGoalsTest {
  OssEmulator oss;
  @TempDir Path dir;
  private final RecordingLog log = new RecordingLog();

  @Test
  void stopWithoutAServiceSaysSo(@InjectMojo(goal = "stop") StopMojo stop) throws Exception {
    run(stop);

    assertTrue(log.text().contains("INFO No ossimport service runs on"), log.text());
  }

  @Test
  void cleanWhileTheServiceRunsIsAFailureAndStopLetsItThrough(
      @InjectMojo(goal = "clean") CleanMojo refused,
      @InjectMojo(goal = "stop") StopMojo stop,
      @InjectMojo(goal = "clean") CleanMojo clean)
      throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "service", 1);
    OssImport ossImport = open();
    ossImport.submit(job.jobConfig);
    RunningService service = ossImport.start();
    try {
      MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(refused));
      assertTrue(failure.getMessage().contains(".lock"), failure.getMessage());

      run(stop);
      assertFalse(service.isRunning());
      assertTrue(log.text().contains("INFO Stop import service completed"), log.text());

      run(clean);
      assertTrue(log.text().contains("INFO Clean job:sample_job completed."), log.text());
      assertTrue(ossImport.stat().isEmpty());
    } finally {
      service.close();
    }
  }

  @Test
  void aSecondServiceOnTheSameWorkingDirectoryIsAFailure(
      @InjectMojo(goal = "start") StartMojo start) throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "second", 1);
    OssImport ossImport = open();
    ossImport.submit(job.jobConfig);
    try (RunningService service = ossImport.start()) {
      MojoFailureException failure = assertThrows(MojoFailureException.class, () -> run(start));
      assertTrue(failure.getMessage().contains(".lock"), failure.getMessage());
    }
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
