package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import io.ossimport.cli.UnpackedDistribution.Result;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** console.sh, verb by verb, on the unpacked distribution against the emulator. */
class ConsoleScriptIT {
  private static OssEmulator oss;

  @TempDir Path temp;
  private UnpackedDistribution dist;
  private Path source;
  private String bucket;

  @BeforeAll
  static void startEmulator() throws Exception {
    oss =
        OssEmulator.builder().inMemory().credentials("it-key-id", "it-key-secret").build().start();
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    oss.close();
  }

  @BeforeEach
  void unpack(org.junit.jupiter.api.TestInfo test) throws Exception {
    oss.faults().clear();
    dist = UnpackedDistribution.unpack(temp);
    source = Files.createDirectory(temp.resolve("source"));
    bucket = "b-" + test.getTestMethod().get().getName().toLowerCase().substring(0, 20);
    oss.createBucketIfMissing(bucket);
  }

  @AfterEach
  void stopService() throws Exception {
    dist.console("stop");
  }

  @Test
  void aMissingBucketIsOneErrorAtSubmitUnlessOffline() throws Exception {
    SampleTree.create(source, 3, 1);
    dist.configureJob(source, oss, "no-such-bucket-here");

    Result submit = dist.console("submit");

    assertEquals(2, submit.exitCode, submit.toString());
    assertTrue(
        submit.output.contains(
            "Error: conf/local_job.cfg: destBucket='no-such-bucket-here': does not exist at "
                + oss.endpoint()),
        submit.output);
    assertEquals(1, submit.output.split("Error: ", -1).length - 1, submit.output);
    assertFalse(Files.exists(dist.jobDir("local_test")), "nothing written");

    Result offline = dist.bash("", null, "console.sh", "submit", "--offline");
    assertEquals(0, offline.exitCode, offline.toString());
    assertEquals("submit job:conf/local_job.cfg\nsubmit job:local_test success!\n", offline.output);
    assertTrue(Files.exists(dist.jobDir("local_test")));
  }

  @Test
  void submitDryRunPrintsWhatWouldBeImportedAndCreatesNothing() throws Exception {
    TreeMap<String, Long> files = SampleTree.create(source, 12, 1);
    long bytes = 0;
    for (long size : files.values()) {
      bytes += size;
    }
    dist.configureJob(source, oss, bucket, "destPrefix=backup/");
    oss.counters().reset();

    Result dryRun = dist.bash("", null, "console.sh", "submit", "--dry-run");

    assertEquals(0, dryRun.exitCode, dryRun.toString());
    assertTrue(
        dryRun.output.startsWith(
            "Dry run of job local_test: nothing written, no job created, the destination not"
                + " contacted.\n"),
        dryRun.output);
    assertTrue(
        dryRun.output.contains("Would import: " + files.size() + " objects, " + bytes + " bytes"),
        dryRun.output);
    String firstKey = files.firstKey();
    assertTrue(
        dryRun.output.contains("  " + firstKey + " -> backup/" + firstKey + " ("), dryRun.output);
    assertTrue(dryRun.output.contains("Would skip (a rule leaves them alone): 0 objects"));
    assertFalse(dryRun.output.contains(oss.secretAccessKey()), dryRun.output);
    assertFalse(Files.exists(dist.jobDir("local_test")), "no job directory");
    assertFalse(
        Files.exists(dist.jobDir("local_test").getParent().resolveSibling("jobqueue")),
        "no jobqueue entry");
    assertEquals(0, oss.counters().total(), oss.counters().toJson());
    assertTrue(SampleTree.bucket(oss, bucket).isEmpty());

    dist.configureJob(source, oss, bucket, "maxSize=lots");
    Result bad = dist.bash("", null, "console.sh", "submit", "--dry-run");
    assertEquals(2, bad.exitCode, "a bad configuration fails as at submit: " + bad);
    assertTrue(bad.output.contains("maxSize='lots'"), bad.output);
  }

  @Test
  void everyVerbBehavesAsTheOriginal() throws Exception {
    TreeMap<String, Long> files = SampleTree.create(source, 24, 1);
    dist.configureJob(source, oss, bucket);

    Result submit = dist.console("submit");
    assertEquals(0, submit.exitCode, submit.toString());
    assertEquals("submit job:conf/local_job.cfg\nsubmit job:local_test success!\n", submit.output);
    assertEquals(submit.output, dist.log("submit.log"));

    Result again = dist.console("submit");
    assertEquals(6, again.exitCode, again.toString());
    assertTrue(
        again.output.contains("Error: ") && again.output.contains("already exists"), again.output);

    Result start = dist.console("start");
    assertEquals(0, start.exitCode, start.toString());
    assertEquals("Start import service completed.\n", start.output);
    assertTrue(dist.log("ossimport2.log").contains("Import service started (pid "));

    Result second = dist.console("start");
    assertEquals(4, second.exitCode, second.toString());
    assertTrue(second.output.contains("Error: ") && second.output.contains(".lock"), second.output);

    dist.awaitState("local_test", 90, JobState.Succeed);
    String stat = dist.console("stat").output;
    int tasks = dist.tasks("local_test", "succeed_tasks").size();
    assertTrue(tasks >= 3, "24 small files and one large, 10 a task: " + tasks);
    long bytes = files.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(
        goldenStat("Succeed", tasks, files.size(), bytes),
        stat.replaceFirst("\nElapsed:\\d+:\\d{2}:\\d{2}\n", "\nElapsed:H:MM:SS\n"));
    for (Path task : dist.tasks("local_test", "succeed_tasks")) {
      assertEquals("Completed", read(task.resolve("STATUS")).trim(), task.toString());
      assertTrue(Files.exists(task.resolve("DONE")), task + "/DONE");
      assertTrue(Files.exists(task.resolve("TASK")), task + "/TASK");
      assertTrue(Files.exists(task.resolve("audit.log")), task + "/audit.log");
    }
    assertEquals(0, dist.tasks("local_test", "failed_tasks").size());
    SampleTree.assertBucketHolds(files, oss, bucket);

    Result retry = dist.console("retry");
    assertEquals(0, retry.exitCode, retry.toString());
    assertEquals("None failed tasks for job:local_test.\n", retry.output);
    assertEquals(retry.output, dist.log("retry.log"));

    Result cleanWhileRunning = dist.console("clean");
    assertEquals(4, cleanWhileRunning.exitCode, cleanWhileRunning.toString());

    Result stop = dist.console("stop");
    assertEquals(0, stop.exitCode, stop.toString());
    assertTrue(stop.output.endsWith("Stop import service completed.\n"), stop.output);
    assertTrue(dist.log("ossimport2.log").contains("Import service stopped."));
    Result stopAgain = dist.console("stop");
    assertEquals(0, stopAgain.exitCode, stopAgain.toString());
    assertTrue(stopAgain.output.startsWith("No import service is running."), stopAgain.output);

    Result clean = dist.console("clean");
    assertEquals(0, clean.exitCode, clean.toString());
    assertEquals(
        "delete jobs dir:"
            + dist.home.toRealPath().resolve("master/jobs/local_test")
            + "/\nClean job:local_test completed.\n",
        clean.output);
    assertFalse(Files.exists(dist.jobDir("local_test")));
    assertEquals(6, dist.console("clean").exitCode);

    Result version = dist.console("version");
    assertEquals(0, version.exitCode);
    assertTrue(version.output.startsWith("ossimport "), version.output);
  }

  @Test
  void diffReportsWhatIsMissingOrExtraWithExitThreeAndZeroOnceTheyMatch() throws Exception {
    TreeMap<String, Long> files = SampleTree.create(source, 5, 3);
    dist.configureJob(source, oss, bucket);
    OSS client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    try {
      String first = files.firstKey();
      for (String name : files.keySet()) {
        if (!name.equals(first)) {
          client.putObject(bucket, name, source.resolve(name).toFile());
        }
      }
      client.putObject(bucket, "zz-extra.txt", new ByteArrayInputStream(new byte[3]));
      oss.counters().reset();

      Result diff = dist.console("diff");

      assertEquals(3, diff.exitCode, diff.toString());
      assertTrue(
          diff.output.contains("\nmissing: 1 (" + files.get(first) + " bytes)\n"), diff.output);
      assertTrue(diff.output.contains("\nextra: 1 (3 bytes)\n"), diff.output);
      String reportLine = diff.output.split("report: ")[1];
      Path report = java.nio.file.Paths.get(reportLine.substring(0, reportLine.indexOf('\n')));
      assertEquals(
          Arrays.asList("MISSING " + first + " " + files.get(first), "EXTRA zz-extra.txt 3"),
          Files.readAllLines(report, StandardCharsets.UTF_8));
      assertEquals(0, oss.counters().get(Operation.PutObject), oss.counters().toJson());

      client.putObject(bucket, first, source.resolve(first).toFile());
      client.deleteObject(bucket, "zz-extra.txt");
      Result again = dist.bash("", null, "console.sh", "diff", "--checksum");

      assertEquals(0, again.exitCode, again.toString());
      assertTrue(again.output.contains("the destination matches the source"), again.output);
      assertFalse(again.output.contains("Exception"), again.output);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aBadJobFilePrintsOneClearLinePerProblem() throws Exception {
    SampleTree.create(source, 2, 2);
    dist.configureJob(
        source, oss, bucket, "destPrefix=/abs/", "destBucket=Bad_Bucket", "taskObjectCountLimit=0");
    Result submit = dist.console("submit");
    assertEquals(2, submit.exitCode, submit.toString());
    List<String> errors = new ArrayList<String>();
    for (String line : submit.output.split("\n")) {
      if (line.startsWith("Error: ")) {
        errors.add(line);
      }
    }
    assertEquals(3, errors.size(), submit.output);
    for (String key : Arrays.asList("destPrefix", "destBucket", "taskObjectCountLimit")) {
      assertTrue(
          errors.stream().anyMatch(e -> e.contains("local_job.cfg:") && e.contains(key)),
          key + " in " + errors);
    }
    assertFalse(submit.output.contains("it-key-secret"), "the secret never shows");
    assertFalse(Files.exists(dist.jobDir("local_test")), "nothing is written when rejected");
  }

  @Test
  void aBadSysPropertiesIsAConfigurationError() throws Exception {
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf/sys.properties"), Arrays.asList("workerTaskThreadNum=many"));
    Result stat = dist.console("stat");
    assertEquals(2, stat.exitCode, stat.toString());
    assertTrue(
        stat.output.startsWith("Error: ") && stat.output.contains("workerTaskThreadNum"),
        stat.output);
  }

  @Test
  void stopThenStartResumesAHalfDoneJob() throws Exception {
    TreeMap<String, Long> files = SampleTree.create(source, 40, 3);
    files.remove("big/large.bin");
    Files.delete(source.resolve("big/large.bin"));
    dist.configureJob(source, oss, bucket, "taskObjectCountLimit=2");
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf/sys.properties"), Arrays.asList("workerTaskThreadNum=2"));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(1000));
    long putsBefore = oss.counters().get(Operation.PutObject);

    assertEquals(0, dist.console("submit").exitCode);
    assertEquals(0, dist.console("start").exitCode);
    long deadline = System.currentTimeMillis() + 60_000;
    JobStatus status = dist.status("local_test");
    while (status == null || status.succeedTasks() < 2) {
      assertTrue(System.currentTimeMillis() < deadline, String.valueOf(status));
      Thread.sleep(100);
      status = dist.status("local_test");
    }
    Result stop = dist.console("stop");
    assertEquals(0, stop.exitCode, stop.toString());

    Result halfDone = dist.console("stat");
    assertTrue(halfDone.output.contains("JobState:Running"), halfDone.output);
    long succeeded = UnpackedDistribution.statValue(halfDone.output, "SucceedTasks");
    assertTrue(succeeded >= 2 && succeeded < 20, halfDone.output);
    long uploadedBeforeRestart = SampleTree.bucket(oss, bucket).size();
    assertTrue(uploadedBeforeRestart < files.size(), "stopped half way: " + uploadedBeforeRestart);

    oss.faults().clear();
    assertEquals(0, dist.console("start").exitCode);
    dist.awaitState("local_test", 90, JobState.Succeed);
    SampleTree.assertBucketHolds(files, oss, bucket);
    long puts = oss.counters().get(Operation.PutObject) - putsBefore;
    assertTrue(
        puts <= files.size() + 2,
        "objects done before the stop are not sent again: " + puts + " PUTs for " + files.size());
  }

  @Test
  void sigtermStopsTheForegroundServiceGracefully() throws Exception {
    SampleTree.create(source, 2, 4);
    dist.configureJob(source, oss, bucket);
    Process service =
        new ProcessBuilder(
                "java", "-jar", "bin/ossimport2.jar", "-c", "conf/sys.properties", "start")
            .directory(dist.home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("foreground.log").toFile())
            .start();
    try {
      long deadline = System.currentTimeMillis() + 60_000;
      while (!read(temp.resolve("foreground.log")).contains("Import service started (pid ")) {
        assertTrue(
            service.isAlive() && System.currentTimeMillis() < deadline,
            read(temp.resolve("foreground.log")));
        Thread.sleep(100);
      }
      service.destroy(); // SIGTERM
      assertTrue(service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      service.destroyForcibly();
    }
    String output = read(temp.resolve("foreground.log"));
    assertTrue(output.contains("Stop requested by a signal"), output);
    assertTrue(
        output.indexOf("Import service stopped.") > output.indexOf("Stop requested by a signal"),
        output);
    Result stop = dist.console("stop");
    assertTrue(stop.output.startsWith("No import service is running."), stop.toString());
  }

  @Test
  void stopKillsTheRecordedPidWhenTheServiceDoesNotStopInTime() throws Exception {
    TreeMap<String, Long> files = SampleTree.create(source, 4, 5);
    dist.configureJob(source, oss, bucket);
    assertEquals(0, dist.console("submit").exitCode);
    assertEquals(0, dist.console("start").exitCode);
    long pid = dist.servicePid();
    assertTrue(pid > 0);
    // A frozen service cannot answer the stop request: only its recorded PID can end it.
    assertEquals(0, UnpackedDistribution.run(temp, "", null, "kill", "-STOP", "" + pid).exitCode);
    Result stop =
        UnpackedDistribution.run(
            dist.home,
            "",
            null,
            "java",
            "-jar",
            "bin/ossimport2.jar",
            "-c",
            "conf/sys.properties",
            "stop",
            "--timeout",
            "1");
    assertEquals(0, stop.exitCode, stop.toString());
    assertTrue(
        stop.output.contains("did not stop within 1 s; killing pid " + pid + "."), stop.output);
    assertEquals(-1, dist.servicePid());

    assertEquals(0, dist.console("start").exitCode);
    dist.awaitState("local_test", 90, JobState.Succeed);
    SampleTree.assertBucketHolds(files, oss, bucket);
  }

  /**
   * The original's stat block for a finished job (reference §3.7), with the lines ossimport adds
   * before {@code RunningTasks Progress:}: the four object counts (every object done, none failed),
   * the progress in bytes and objects, and the elapsed time (given as {@code H:MM:SS}, since its
   * value depends on the machine).
   */
  static String goldenStat(String state, int succeeded, int objects, long bytes) {
    return "-------------- job stats ---------------\n"
        + "---------------- job stat ------------------\n"
        + "JobName:local_test\n"
        + "JobState:"
        + state
        + "\n"
        + "PendingTasks:0\n"
        + "DispatchedTasks:0\n"
        + "RunningTasks:0\n"
        + "SucceedTasks:"
        + succeeded
        + "\n"
        + "FailedTasks:0\n"
        + "ScanFinished:true\n"
        + "TotalObjects:"
        + objects
        + "\nDoneObjects:"
        + objects
        + "\nSkippedObjects:0\nFailedObjects:0\n"
        + "Progress:"
        + bytes
        + "/"
        + bytes
        + " bytes, "
        + objects
        + "/"
        + objects
        + " objects (100%)\n"
        + "Elapsed:H:MM:SS\n"
        + "RunningTasks Progress:\n"
        + "----------------------------------------\n";
  }

  private static String read(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
