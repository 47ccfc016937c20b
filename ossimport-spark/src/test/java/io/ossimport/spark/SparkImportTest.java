package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.StatReport;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark driver and executors in Spark's local mode, moving real files into the emulator over
 * HTTP through the real SDK: the job tree is the standalone's and {@code stat} reads it.
 */
@ExtendWith(OssEmulatorExtension.class)
class SparkImportTest {
  OssEmulator oss;
  @TempDir Path dir;

  @AfterEach
  void clearFaults() {
    oss.faults().clear();
  }

  @Test
  void aJobOfThousandsOfFilesEndsSucceedInTheStandaloneLayout() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-many", 2000, "taskObjectCountLimit=100");
    Path sys = SparkRun.sysFile(dir);
    oss.counters().reset();

    SparkRun run = new SparkRun("local[4]");
    int exit = run.run("--job", job.jobConfig.toString(), "--sys", sys.toString());

    assertEquals(0, exit, run.output());
    assertEquals(job.files, SampleJob.objects(oss, "spark-many"));
    assertEveryCrcMatches(job, "spark-many");
    assertEquals(2000, oss.counters().get(Operation.PutObject), "every object sent once");
    Path jobDir = dir.resolve("work/master/jobs/sample_job");
    assertTrue(Files.isRegularFile(jobDir.resolve("job.cfg")));
    assertEquals(20, count(jobDir.resolve("succeed_tasks")), "one task per 100 objects");
    assertEquals(0, count(jobDir.resolve("pending_tasks")));
    assertEquals(0, count(jobDir.resolve("failed_tasks")));

    OssImport ossimport = OssImport.open(sys, ImportListener.NONE);
    JobStatus status = ossimport.stat("sample_job");
    assertEquals(JobState.Succeed, status.state());
    assertEquals(2000, status.doneObjects());
    assertEquals(20, status.succeedTasks());
    String report = StatReport.text(ossimport.statJobs("sample_job"));
    assertTrue(report.contains("Succeed"), report);
  }

  @Test
  void aLostAttemptRunsAgainWithoutSendingItsDoneObjectsTwice() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-lost", 200, "taskObjectCountLimit=20");
    Path sys = SparkRun.sysFile(dir);
    oss.counters().reset();

    SparkRun run =
        new SparkRun("local[4,2]").with(FirstAttemptLoss.PROPERTY, "half"); // 2 attempts a task
    int exit = run.run("--job", job.jobConfig.toString(), "--sys", sys.toString());

    assertEquals(0, exit, run.output());
    assertEquals(job.files, SampleJob.objects(oss, "spark-lost"));
    assertEveryCrcMatches(job, "spark-lost");
    // The first attempt of each of the 10 tasks sent 10 objects and died; the second checked them
    // at the destination (HEAD, size and CRC-64) and sent only the other 10.
    assertEquals(200, oss.counters().get(Operation.PutObject), "no object sent twice");
    assertTrue(oss.counters().get(Operation.HeadObject) >= 200, "every object checked first");
  }

  @Test
  void anUploadLeftOpenByALostAttemptIsAborted() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-mpu", 40, "taskObjectCountLimit=10");
    Path sys = SparkRun.sysFile(dir);
    oss.counters().reset();

    SparkRun run = new SparkRun("local[4,2]").with(FirstAttemptLoss.PROPERTY, "halfAndUpload");
    int exit = run.run("--job", job.jobConfig.toString(), "--sys", sys.toString());

    assertEquals(0, exit, run.output());
    assertEquals(job.files, SampleJob.objects(oss, "spark-mpu"));
    // One per lost attempt, and submit's preflight, which initiates one and aborts it at once.
    assertEquals(4 + 1, oss.counters().get(Operation.InitiateMultipartUpload));
    assertEquals(4 + 1, oss.counters().get(Operation.AbortMultipartUpload));
    OSS client = client();
    try {
      assertTrue(
          client
              .listMultipartUploads(new ListMultipartUploadsRequest("spark-mpu"))
              .getMultipartUploads()
              .isEmpty(),
          "no multipart upload left open");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aMissingJobArgumentIsOneMessageAndExitOne() {
    SparkRun run = new SparkRun("local[1]");
    int exit = run.run("--sys", "conf/sys.properties");

    assertEquals(SparkImport.USAGE, exit);
    assertTrue(run.err.startsWith("Error: --job <local_job.cfg> is missing"), run.output());
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
  }

  @Test
  void aBadKeyNamesTheFileTheKeyAndTheValueWithoutStartingSpark() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "spark-bad", 1, "taskObjectCountLimit=lots");
    Path sys = SparkRun.sysFile(dir);

    SparkRun run = new SparkRun("local[1]");
    int exit = run.run("--job", job.jobConfig.toString(), "--sys", sys.toString());

    assertEquals(SparkImport.CONFIGURATION, exit, run.output());
    assertTrue(run.err.contains("taskObjectCountLimit"), run.output());
    assertTrue(run.err.contains("lots"), run.output());
    assertTrue(run.err.contains(job.jobConfig.getFileName().toString()), run.output());
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertFalse(Files.exists(dir.resolve("work/master/jobs/sample_job")), "nothing submitted");
  }

  private void assertEveryCrcMatches(SampleJob job, String bucket) throws Exception {
    OSS client = client();
    try {
      for (Map.Entry<String, Long> e : job.files.entrySet()) {
        byte[] content = Files.readAllBytes(job.source.resolve(e.getKey()));
        Long stored = client.getObjectMetadata(bucket, e.getKey()).getServerCRC();
        assertEquals(Long.valueOf(ImportFixture.crc64(content)), stored, e.getKey());
      }
    } finally {
      client.shutdown();
    }
  }

  private OSS client() {
    return new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
  }

  static long count(Path dir) throws Exception {
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }
}
