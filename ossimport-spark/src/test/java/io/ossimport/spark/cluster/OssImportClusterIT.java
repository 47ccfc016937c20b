package io.ossimport.spark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.TaskProgress;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.ObjectWrites;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.store.ObjectMeta;
import io.ossimport.emulator.store.StoredObject;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's acceptance on a real cluster: {@code spark-submit --class
 * io.ossimport.spark.SparkImport <application jar> --job local_job.cfg --sys sys.properties} moves
 * 5,000 local files into an emulator bucket over two executors, one of which is killed -9 mid-job.
 * The job still ends {@code Succeed}, every object matches its source by size and CRC-64, no object
 * is sent again after its first success, and no multipart upload is left open. And a job on the
 * executors dynamic allocation grants.
 *
 * <p>The main class is named by string, not by type: the test JVM never loads it, spark-submit
 * does.
 */
class OssImportClusterIT {
  private static final String MAIN_CLASS = "io.ossimport.spark.SparkImport";
  private static final int SMALL_OBJECTS = 4_990;
  private static final int LARGE_OBJECTS = 10;
  private static final long KILL_AT_PUTS = 1_500;

  @TempDir Path temp;
  private OssEmulator oss;
  private ImportFixture f;

  @BeforeEach
  void setUp() throws Exception {
    oss = OssEmulator.builder().dataDir(temp.resolve("oss")).build().start();
    f = new ImportFixture(oss, temp);
  }

  @AfterEach
  void tearDown() throws Exception {
    f.close();
    oss.close();
  }

  @Test
  void aJobOfFiveThousandObjectsSucceedsThoughAnExecutorIsKilledMidJob() throws Exception {
    for (int i = 0; i < SMALL_OBJECTS; i++) {
      f.file("small/d" + (i % 50) + "/f" + i, 500 + i % 3000);
    }
    // Above the fixture's 1 MiB multipart threshold: uploads a kill can leave open.
    for (int i = 0; i < LARGE_OBJECTS; i++) {
      f.file("large/f" + i, 1_500_000 + 1000 * i);
    }
    f.job.put("taskObjectCountLimit", "100");
    f.sys.put("workerTaskThreadNum", "2");
    // Slow enough that the kill lands with thousands of objects still to go.
    oss.faults().always(Operation.PutObject, FaultSpec.latency(10));
    oss.counters().trackObjectWrites(true);

    try (SparkCluster cluster = SparkCluster.start(2)) {
      ClusterJvm driver =
          cluster.submit(
              SparkSubmission.of(MAIN_CLASS, applicationJar())
                  .args("--job", f.jobFile().toString(), "--sys", sysFile().toString()));
      cluster.awaitExecutors(2, 150_000);
      long deadline = System.currentTimeMillis() + 240_000;
      while (oss.counters().get(Operation.PutObject) < KILL_AT_PUTS) {
        assertTrue(
            System.currentTimeMillis() < deadline, "kill point not reached\n" + cluster.logs());
        assertTrue(driver.isAlive(), "the driver ended before the kill\n" + cluster.logs());
        Thread.sleep(20);
      }
      List<ExecutorProcess> executors = cluster.executors();
      assertFalse(executors.isEmpty(), "no executor to kill\n" + cluster.logs());
      cluster.kill(executors.get(0));
      long putsAtKill = oss.counters().get(Operation.PutObject);
      assertTrue(putsAtKill < SMALL_OBJECTS, "killed mid-job: " + putsAtKill + " puts");

      assertEquals(0, driver.awaitExit(300_000), cluster.logs());
    }

    assertEquals(JobState.Succeed, f.open().state(ImportFixture.JOB));
    assertEveryObjectMatchesItsSourceBySizeAndCrc64();
    assertNoObjectSentAgainAfterItsSuccess();
    MultipartUploadListing open =
        f.client.listMultipartUploads(new ListMultipartUploadsRequest(f.bucket));
    assertTrue(open.getMultipartUploads().isEmpty(), "open multipart uploads left");
  }

  /**
   * Live progress across JVMs: the executor's heartbeats (every 2 s, the driver's default) carry
   * the running task's progress, and stat on the driver's working directory counts its objects
   * before the task ends.
   */
  @Test
  void aRunningTasksObjectsReachStatBeforeItEnds() throws Exception {
    int objects = 300;
    for (int i = 0; i < objects; i++) {
      f.file("small/f" + i, 500 + i);
    }
    f.job.put("taskObjectCountLimit", "1000"); // one task
    f.sys.put("workerTaskThreadNum", "2");
    oss.faults().always(Operation.PutObject, FaultSpec.latency(50)); // ~8 s of work

    long mostSeen = 0;
    try (SparkCluster cluster = SparkCluster.start(1)) {
      ClusterJvm driver =
          cluster.submit(
              SparkSubmission.of(MAIN_CLASS, applicationJar())
                  .args("--job", f.jobFile().toString(), "--sys", sysFile().toString()));
      OssImport ossimport = f.open();
      Path record = f.work.resolve("master/jobs/" + ImportFixture.JOB + "/JOB");
      long deadline = System.currentTimeMillis() + 300_000;
      while (driver.isAlive()) {
        assertTrue(System.currentTimeMillis() < deadline, "no end in 5 minutes\n" + cluster.logs());
        if (Files.exists(record)) {
          JobStatus now = ossimport.stat(ImportFixture.JOB);
          if (now.succeedTasks() == 0) {
            for (TaskProgress task : now.runningTaskProgress()) {
              mostSeen = Math.max(mostSeen, task.doneObjects());
            }
          }
        }
        Thread.sleep(200);
      }
      assertEquals(0, driver.awaitExit(10_000), cluster.logs());
    }

    assertTrue(0 < mostSeen && mostSeen < objects, "most seen of the running task: " + mostSeen);
    JobStatus end = f.open().stat(ImportFixture.JOB);
    assertEquals(JobState.Succeed, end.state());
    assertEquals(objects, end.doneObjects());
  }

  /**
   * Deliver 4: tasks spread over the executors Spark's dynamic allocation grants, without an
   * external shuffle service (shuffle tracking: the import shuffles nothing). The job starts with
   * one executor; the backlog of queued tasks makes Spark ask for the second.
   */
  @Test
  void withDynamicAllocationTheJobSucceedsOnTheExecutorsItAddsForTheBacklog() throws Exception {
    for (int i = 0; i < 300; i++) {
      f.file("dyn/d" + (i % 10) + "/f" + i, 200 + i);
    }
    f.job.put("taskObjectCountLimit", "20"); // 15 tasks
    f.sys.put("workerTaskThreadNum", "2");
    // About 2 s a task: 30 s on one executor, time for the second to come.
    oss.faults().always(Operation.PutObject, FaultSpec.latency(200));

    try (SparkCluster cluster = SparkCluster.start(2)) {
      ClusterJvm driver =
          cluster.submit(
              SparkSubmission.of(MAIN_CLASS, applicationJar())
                  .conf("spark.dynamicAllocation.enabled", "true")
                  .conf("spark.dynamicAllocation.shuffleTracking.enabled", "true")
                  .conf("spark.dynamicAllocation.minExecutors", "1")
                  .conf("spark.dynamicAllocation.initialExecutors", "1")
                  .conf("spark.dynamicAllocation.maxExecutors", "2")
                  .conf("spark.dynamicAllocation.schedulerBacklogTimeout", "1s")
                  .args("--job", f.jobFile().toString(), "--sys", sysFile().toString()));

      assertEquals(0, driver.awaitExit(240_000), cluster.logs());

      String driverLog = new String(Files.readAllBytes(driver.log()), StandardCharsets.UTF_8);
      assertTrue(
          driverLog.contains("because tasks are backlogged"),
          "the second executor was not asked for by dynamic allocation\n" + cluster.logs());
      List<Path> started = cluster.executorsStarted();
      assertEquals(2, started.size(), "executors granted: " + started + "\n" + cluster.logs());
      for (Path executor : started) {
        String log =
            new String(Files.readAllBytes(executor.resolve("stderr")), StandardCharsets.UTF_8);
        assertTrue(log.contains("Running task"), executor + " ran no task\n" + cluster.logs());
      }
    }

    assertEquals(JobState.Succeed, f.open().state(ImportFixture.JOB));
    assertEveryObjectMatchesItsSourceBySizeAndCrc64();
  }

  private void assertEveryObjectMatchesItsSourceBySizeAndCrc64() throws Exception {
    assertEquals(f.files.size(), oss.store().objectCount(f.bucket), "objects in the bucket");
    for (Map.Entry<String, byte[]> e : f.files.entrySet()) {
      String key = ImportFixture.DEST_PREFIX + e.getKey();
      try (StoredObject o = oss.store().open(f.bucket, key)) {
        assertNotNull(o, key + " missing");
        ObjectMeta meta = o.meta();
        assertEquals(e.getValue().length, meta.size(), "size of " + key);
        assertEquals(ImportFixture.crc64(e.getValue()), meta.crc64(), "CRC-64 of " + key);
      }
    }
  }

  private void assertNoObjectSentAgainAfterItsSuccess() {
    Map<String, ObjectWrites> writes = oss.counters().objectWrites(f.bucket);
    List<String> resent = new ArrayList<String>();
    for (String reference : f.files.keySet()) {
      ObjectWrites w = writes.get(ImportFixture.DEST_PREFIX + reference);
      assertNotNull(w, reference + " was never written");
      if (w.requestsAfterCompletion() > 0) {
        resent.add(reference + " (" + w + ")");
      }
    }
    assertTrue(resent.isEmpty(), resent.size() + " objects sent again after success: " + resent);
  }

  private Path sysFile() throws Exception {
    Path file = temp.resolve("sys.properties");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> e : f.sys.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    return file;
  }

  /** The module's shaded jar ({@code ossimport.spark.applicationJar}, set by Failsafe). */
  private static Path applicationJar() {
    Path jar = Paths.get(System.getProperty("ossimport.spark.applicationJar", "missing.jar"));
    assertTrue(Files.isRegularFile(jar), "no application jar at " + jar + ": run mvn verify");
    return jar;
  }
}
