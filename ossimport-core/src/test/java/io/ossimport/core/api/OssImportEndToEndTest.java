package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** submit → start → awaitJob → Succeed, every object checked against its source. */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class OssImportEndToEndTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  private ImportFixture f;

  @Test
  void aGeneratedTreeArrivesWholeAndStatSaysSucceed() throws Exception {
    SourceTrees.generate(f);
    int objects = f.files.size();
    long bytes = f.files.values().stream().mapToLong(b -> b.length).sum();
    f.job.put("taskObjectCountLimit", "7");
    OssImport ossimport = f.open();

    SubmitResult submitted = ossimport.submit(f.jobFile());
    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(ImportFixture.JOB, MINUTE);
    }

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    f.assertAllStored();
    assertEquals((objects + 6) / 7, status.succeedTasks(), "tasks of at most 7 objects");
    assertEquals(objects, status.totalObjects());
    assertEquals(objects, status.doneObjects());
    assertEquals(bytes, status.totalBytes());
    assertEquals(bytes, status.doneBytes());
    assertEquals(0, status.failedObjects());
    String stat = StatReport.text(ossimport.stat());
    assertTrue(stat.contains("JobState:Succeed\n"), stat);
    assertTrue(stat.contains("SucceedTasks:" + status.succeedTasks() + "\n"), stat);
    assertTrue(stat.contains("FailedTasks:0\nScanFinished:true\n"), stat);
    assertEquals(f.work.resolve("master/jobs/local_test"), submitted.jobDir());
    assertEquals(1, f.events.messagesContaining("submit job:" + f.jobFile()).size());
    assertEquals(1, f.events.messagesContaining("submit job:local_test success!").size());
    assertTrue(f.events.progressEvents() >= 1, "at least the final snapshot");
  }

  @Test
  void tasksAreCutAtTheSizeLimitAndABigFileTravelsAlone() throws Exception {
    f.file("a", 400 * 1024);
    f.file("b", 400 * 1024);
    f.file("c", 400 * 1024);
    f.file("d", 2500 * 1024);
    f.file("e", 100 * 1024);
    f.job.put("taskObjectSizeLimit", "1000k");
    OssImport ossimport = f.open();

    ossimport.submit(f.jobFile());
    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(ImportFixture.JOB, MINUTE);
    }

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(4, status.succeedTasks(), "[a b] [c] [d] [e]");
    f.assertAllStored();
  }

  @Test
  void throttlingAndConnectionResetsAreRiddenOut() throws Exception {
    for (int i = 0; i < 100; i++) {
      f.file("small/" + i + ".bin", 1000 + i * 37);
    }
    f.file("large/one.bin", 1300 * 1024); // 6 parts
    f.file("large/two.bin", 1700 * 1024); // 7 parts
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    oss.faults()
        .seed(20261127)
        .probability(null, 0.05, FaultSpec.slowDown())
        .probability(Operation.PutObject, 0.03, FaultSpec.resetRequest(-1))
        .probability(Operation.UploadPart, 0.03, FaultSpec.resetRequest(-1));

    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(ImportFixture.JOB, MINUTE);
    }
    oss.faults().clear();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    f.assertAllStored();
    long sends = oss.counters().get(Operation.PutObject) + oss.counters().get(Operation.UploadPart);
    assertTrue(sends > 100 + 13, "some sends failed and were tried again: " + sends);
  }

  @Test
  void anEmptySourceSucceedsWithNothingToDo() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(ImportFixture.JOB, MINUTE);
    }
    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(0, status.totalObjects());
    assertEquals(0, status.succeedTasks());
  }

  @Test
  void versionComesFromTheBuild() {
    String version = OssImport.version();
    assertTrue(version.matches("ossimport \\d+\\.\\d+\\.\\d+.*"), version);
    assertFalse(version.contains("${"), version);
  }
}
