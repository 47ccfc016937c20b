package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Spark task's progress reaches {@code stat} while the task runs (through executor
 * heartbeats, every 500 ms here), read through core's api as {@code console.sh stat} reads it in
 * another process: its objects done from the progress log the driver writes, the bytes of a large
 * object in flight from the multipart record it writes. At the end the counts are the report's.
 */
@ExtendWith(OssEmulatorExtension.class)
class LiveProgressTest {
  private static final String JOB = "sample_job";

  OssEmulator oss;
  @TempDir Path dir;
  private final ExecutorService driverThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void clearFaults() {
    oss.faults().clear();
    driverThread.shutdownNow();
  }

  @Test
  void aRunningTasksObjectsRiseInStatBeforeTheTaskEnds() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-live", 300, "taskObjectCountLimit=1000");
    Path sys = SparkRun.sysFile(dir, "workerTaskThreadNum=2");
    oss.faults().always(Operation.PutObject, FaultSpec.latency(50)); // 300 x 50 ms / 2: ~8 s
    oss.counters().reset();

    SparkRun run = new SparkRun("local[2]").with(SparkImport.HEARTBEAT, "500ms");
    Future<Integer> driver = start(run, job, sys);
    List<Long> seen = sampleWhileTheOneTaskRuns(sys, JOB, driver, JobStatus::progressObjects);

    assertEquals(0, (int) driver.get(3, TimeUnit.MINUTES), run.output());
    assertRising(seen, 300);
    JobStatus end = OssImport.open(sys, ImportListener.NONE).stat(JOB);
    assertEquals(JobState.Succeed, end.state());
    assertEquals(300, end.doneObjects());
    assertEquals(300, end.progressObjects());
    assertEquals(1, end.succeedTasks());
    assertEquals(job.files, SampleJob.objects(oss, "spark-live"));
    assertEquals(300, oss.counters().get(Operation.PutObject), "every object sent once");
  }

  @Test
  void theBytesOfALargeObjectInFlightRiseInStat() throws Exception {
    int size = 50 * 1000 * 1000;
    try (ImportFixture f = new ImportFixture(oss, dir)) { // parts of 256 KiB
      f.file("big.bin", size);
      Path sys = SparkRun.sysFile(dir, "workerMaxThroughput(KB/s)=4096"); // ~12 s for 50 MB

      SparkRun run = new SparkRun("local[2]").with(SparkImport.HEARTBEAT, "500ms");
      Future<Integer> driver =
          driverThread.submit(
              () -> run.run("--job", f.jobFile().toString(), "--sys", sys.toString()));
      List<Long> seen =
          sampleWhileTheOneTaskRuns(sys, ImportFixture.JOB, driver, JobStatus::progressBytes);

      assertEquals(0, (int) driver.get(3, TimeUnit.MINUTES), run.output());
      assertRising(seen, size);
      JobStatus end = OssImport.open(sys, ImportListener.NONE).stat(ImportFixture.JOB);
      assertEquals(JobState.Succeed, end.state());
      assertEquals(1, end.doneObjects());
      assertEquals(size, end.doneBytes());
      f.assertAllStored();
    }
  }

  private Future<Integer> start(SparkRun run, SampleJob job, Path sys) {
    return driverThread.submit(
        () -> run.run("--job", job.jobConfig.toString(), "--sys", sys.toString()));
  }

  /**
   * {@code measure} of the job's stat every 200 ms while its one task is running and not yet
   * completed (no task in succeed_tasks): whatever it counts comes from the running task.
   */
  private List<Long> sampleWhileTheOneTaskRuns(
      Path sys, String job, Future<Integer> driver, ToLongFunction<JobStatus> measure)
      throws Exception {
    OssImport ossimport = OssImport.open(sys, ImportListener.NONE);
    Path record = dir.resolve("work/master/jobs/" + job + "/JOB");
    List<Long> seen = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 180_000;
    while (!driver.isDone()) {
      assertTrue(System.currentTimeMillis() < deadline, "the job did not end in 3 minutes");
      if (Files.exists(record)) {
        JobStatus now = ossimport.stat(job);
        if (now.state() == JobState.Running && now.runningTasks() == 1 && now.succeedTasks() == 0) {
          seen.add(measure.applyAsLong(now));
        }
      }
      Thread.sleep(200);
    }
    return seen;
  }

  /** Never falling, and at least two different values strictly between 0 and {@code total}. */
  private static void assertRising(List<Long> seen, long total) {
    long between = 0;
    long last = -1;
    for (int i = 0; i < seen.size(); i++) {
      long v = seen.get(i);
      assertTrue(i == 0 || v >= seen.get(i - 1), "progress fell mid-task: " + seen);
      if (v > 0 && v < total && v != last) {
        between++;
        last = v;
      }
    }
    assertTrue(between >= 2, "no rising progress while the task ran: " + seen);
  }
}
