package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import io.ossimport.emulator.store.UploadMeta;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed -9 mid-job (in a child JVM, Spark in local mode inside it) resumes from the job
 * tree at the next submit of the same job: tasks already in succeed_tasks are not sent again, the
 * tasks it had out are checked at the destination first; or {@code clean} aborts the multipart
 * upload an executor had open, recorded only in the executor's temporary tree.
 */
@ExtendWith(OssEmulatorExtension.class)
class DriverCrashTest {
  OssEmulator oss;
  @TempDir Path dir;

  @AfterEach
  void clearFaults() {
    oss.faults().clear();
  }

  @Test
  void aDriverKilledMidJobResumesWithoutResendingSucceededTasks() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-crash", 120, "taskObjectCountLimit=4");
    Path sys = SparkRun.sysFile(dir, "workerTaskThreadNum=2");
    Path succeeded = dir.resolve("work/master/jobs/sample_job/succeed_tasks");
    oss.faults().always(Operation.PutObject, FaultSpec.latency(100)); // ~4 s of work in all
    oss.counters().reset();

    SparkRun first = new SparkRun("local[2]");
    ProcessBuilder child =
        new ProcessBuilder(
                first.childCommand("--job", job.jobConfig.toString(), "--sys", sys.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first-driver.log").toFile());
    Process driver = child.start();
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (!(succeeded.toFile().isDirectory() && countTasks(succeeded) >= 5)) {
        assertTrue(driver.isAlive(), "the first driver ended before it was killed");
        assertTrue(System.currentTimeMillis() < deadline, "no 5 tasks done in 2 minutes");
        Thread.sleep(50);
      }
    } finally {
      driver.destroyForcibly(); // kill -9
      driver.waitFor(30, TimeUnit.SECONDS);
    }
    OssImport ossimport = OssImport.open(sys, ImportListener.NONE);
    JobStatus atKill = ossimport.stat("sample_job");
    assertEquals(JobState.Running, atKill.state());
    assertTrue(atKill.doneObjects() < 120, "killed mid-job: " + atKill.doneObjects() + " done");
    long putsBefore = oss.counters().get(Operation.PutObject);
    oss.faults().clear();

    SparkRun second = new SparkRun("local[2]");
    int exit = second.run("--job", job.jobConfig.toString(), "--sys", sys.toString());

    assertEquals(0, exit, second.output());
    assertTrue(second.out.contains("resuming it from its job tree"), second.output());
    assertEquals(job.files, SampleJob.objects(oss, "spark-crash"));
    long putsAfter = oss.counters().get(Operation.PutObject) - putsBefore;
    assertTrue(
        putsAfter <= 120 - atKill.doneObjects(),
        putsAfter + " objects sent after the restart, " + atKill.doneObjects() + " were done");
    JobStatus end = ossimport.stat("sample_job");
    assertEquals(JobState.Succeed, end.state());
    assertEquals(120, end.doneObjects());
    assertEquals(30, end.succeedTasks());
  }

  @Test
  void cleanAfterADriverKilledMidUploadLeavesNoMultipartUploadOpen() throws Exception {
    SampleJob job =
        SampleJob.create(
            dir,
            oss,
            "spark-clean",
            6,
            "multipartUploadThreshold=1m",
            "multipartUploadPartSize=256k",
            "uploadThreadNumPerLargeFile=1");
    Path large = Files.createDirectories(job.source.resolve("big")).resolve("large.bin");
    Files.write(large, new byte[12 * 256 * 1024]); // 12 parts, one at a time
    Path sys = SparkRun.sysFile(dir, "workerTaskThreadNum=1");
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(300));

    SparkRun run = new SparkRun("local[1]");
    Process driver =
        new ProcessBuilder(
                run.childCommand("--job", job.jobConfig.toString(), "--sys", sys.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed-driver.log").toFile())
            .start();
    try {
      long deadline = System.currentTimeMillis() + 120_000;
      while (partsOf("spark-clean", "big/large.bin") < 2) {
        assertTrue(driver.isAlive(), "the driver ended before it was killed");
        assertTrue(System.currentTimeMillis() < deadline, "no part sent in 2 minutes");
        Thread.sleep(50);
      }
    } finally {
      driver.destroyForcibly(); // kill -9: the executor (local mode) dies with it
      driver.waitFor(30, TimeUnit.SECONDS);
    }
    oss.faults().clear();
    assertEquals(1, oss.store().uploads("spark-clean").size(), "the executor's upload is open");
    EventLog events = new EventLog();

    OssImport.open(sys, events).clean("sample_job");

    assertTrue(
        oss.store().uploads("spark-clean").isEmpty(),
        "the upload the executor recorded in its temporary tree was aborted");
    assertEquals(1, events.messagesContaining("aborted 1 open multipart uploads").size());
  }

  private int partsOf(String bucket, String key) throws Exception {
    int parts = 0;
    for (UploadMeta u : oss.store().uploads(bucket)) {
      if (u.key().equals(key)) {
        parts += oss.store().parts(bucket, u.key(), u.uploadId()).size();
      }
    }
    return parts;
  }

  private static long countTasks(Path dir) {
    File[] entries = dir.toFile().listFiles((d, name) -> !name.startsWith("."));
    return entries == null ? 0 : entries.length;
  }
}
