package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.cli.UnpackedDistribution.Result;
import io.ossimport.core.api.JobState;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** import.sh, the one-key import, unattended and answering its questions on stdin. */
class ImportScriptIT {
  private static final Map<String, String> FAST_POLL =
      Collections.singletonMap("OSSIMPORT_POLL_SECONDS", "1");
  private static OssEmulator oss;

  @TempDir Path temp;
  private UnpackedDistribution dist;
  private Path source;
  private String bucket;
  private TreeMap<String, Long> files;

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
  void unpack(TestInfo test) throws Exception {
    oss.faults().clear();
    dist = UnpackedDistribution.unpack(temp);
    source = Files.createDirectory(temp.resolve("source"));
    bucket = "i-" + test.getTestMethod().get().getName().toLowerCase().substring(0, 20);
    oss.createBucketIfMissing(bucket);
    files = SampleTree.create(source, 20, 7);
    dist.configureJob(source, oss, bucket);
  }

  @AfterEach
  void stopService() throws Exception {
    dist.console("stop");
  }

  private Result importing(String stdin, String... flags) throws Exception {
    return dist.bash(stdin, FAST_POLL, "import.sh", flags);
  }

  /** The first PUTs answer 403 AccessDenied, which is not retried: those objects fail. */
  private void failFirstPuts(int count) {
    FaultSpec[] denied = new FaultSpec[count];
    for (int i = 0; i < count; i++) {
      denied[i] = FaultSpec.error(403, "AccessDenied");
    }
    oss.faults().script(Operation.PutObject, denied);
  }

  private long servicePid() throws Exception {
    return dist.servicePid();
  }

  @Test
  void anUnattendedImportMovesEveryFileAndStopsTheService() throws Exception {
    long begin = System.nanoTime();
    // One report a minute: the import must still end as soon as the job does.
    Result run =
        dist.bash(
            "", Collections.singletonMap("OSSIMPORT_POLL_SECONDS", "60"), "import.sh", "--stop");
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(seconds < 50, "took " + seconds + " s: it waited for the next report\n" + run);
    assertTrue(statReports(run.output) <= 2, "a first report and the final one:\n" + run);
    assertInOrder(
        run.output,
        "submit job:conf/local_job.cfg",
        "submit job:local_test success!",
        "Start import service completed.",
        "JobState:Succeed",
        "local_test Succeed: 21/21 objects, ",
        "Import to oss completed.",
        "Stop import service completed.");
    SampleTree.assertBucketHolds(files, oss, bucket);
    assertEquals(-1, servicePid(), "the service is stopped");
    assertTrue(dist.log("job_stat.log").contains("JobState:Succeed"), dist.log("job_stat.log"));
    assertTrue(dist.log("job_stat.log").contains("ScanFinished:true"));
    String log = dist.log("import.log");
    assertInOrder(
        log, "==== import ", "submit job:local_test success!", "Import to oss completed.");
    assertTrue(dist.log("ossimport2.log").contains("Import service started (pid "));
  }

  /**
   * import.sh runs at most two JVMs, whatever the questions: one for submit, start, follow, retry
   * and stop, and the service. Counted by a JAVA_HOME whose bin/java logs each launch, then runs
   * the real java.
   */
  @Test
  void theWholeImportRunsTwoJvms() throws Exception {
    failFirstPuts(1);
    assertEquals(0, dist.console("submit").exitCode);
    Path javaHome = temp.resolve("counting-jdk");
    Path launches = temp.resolve("java-launches.log");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    String realJava = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Files.write(
        java,
        ("#!/usr/bin/env bash\n"
                + "echo \"$*\" >> '"
                + launches
                + "'\n"
                + "exec '"
                + realJava
                + "' \"$@\"\n")
            .getBytes(StandardCharsets.UTF_8));
    assertTrue(java.toFile().setExecutable(true));
    Map<String, String> env = new HashMap<String, String>(FAST_POLL);
    env.put("JAVA_HOME", javaHome.toString());

    // the job exists (cleaned and submitted again), a task fails (retried), the stop is asked
    Result run = dist.bash("c\ny\ny\n", env, "import.sh");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.output.contains("Clean job:local_test completed."), run.output);
    assertTrue(run.output.contains("Retry has been submitted."), run.output);
    assertTrue(run.output.contains("Stop import service completed."), run.output);
    SampleTree.assertBucketHolds(files, oss, bucket);
    List<String> jvms = Files.readAllLines(launches, StandardCharsets.UTF_8);
    assertEquals(2, jvms.size(), "JVMs launched: " + jvms);
    assertTrue(jvms.get(0).contains(" import "), jvms.toString());
    assertTrue(jvms.get(1).endsWith(" start"), jvms.toString());
  }

  @Test
  void failedTasksExitThreeWithoutRetryAndAreRetriedOnTheNextRun() throws Exception {
    failFirstPuts(2);
    Result first = importing("", "--no-retry", "--stop");
    assertEquals(3, first.exitCode, first.toString());
    assertTrue(first.output.contains("JobState:Failed"), first.output);
    assertTrue(first.output.contains("The job finished with failed tasks"), first.output);
    List<Path> failed = dist.tasks("local_test", "failed_tasks");
    assertFalse(failed.isEmpty());
    for (Path task : failed) {
      assertEquals("Failed", read(task.resolve("STATUS")).trim());
      assertFalse(read(task.resolve("error.list")).trim().isEmpty(), task + "/error.list");
    }
    assertEquals(files.size() - 2, SampleTree.bucket(oss, bucket).size());

    Result second = importing("", "--resume", "--retry", "1", "--stop");
    assertEquals(0, second.exitCode, second.toString());
    assertInOrder(
        second.output,
        "Resume job:local_test from the last breakpoint.",
        "JobState:Failed",
        "Retry has been submitted.",
        "JobState:Succeed",
        "Import to oss completed.");
    SampleTree.assertBucketHolds(files, oss, bucket);
  }

  @Test
  void theQuestionsAreAnsweredOnStandardInput() throws Exception {
    failFirstPuts(1);
    Result declined = importing("maybe\nn\n");
    assertEquals(3, declined.exitCode, declined.toString());
    assertInOrder(
        declined.output,
        "Retry the failed tasks, Yes or No: ",
        "Answer yes or no.",
        "The import service is still running; stop it with: bash console.sh stop");

    Result resumed = importing("r\ny\nyes\n");
    assertEquals(0, resumed.exitCode, resumed.toString());
    assertInOrder(
        resumed.output,
        "A migration job with the same name existed.",
        "Resume job:local_test from the last breakpoint.",
        "The import service is already running.",
        "Retry the failed tasks, Yes or No: ",
        "Retry has been submitted.",
        "Import to oss completed.",
        "Stop import service, Yes or No: ",
        "Stop import service completed.");
    SampleTree.assertBucketHolds(files, oss, bucket);

    Result quit = importing("q\n");
    assertEquals(1, quit.exitCode, quit.toString());
    assertTrue(quit.output.contains("Import cancelled."), quit.output);

    Result restarted = importing("c\n");
    assertEquals(0, restarted.exitCode, restarted.toString());
    assertInOrder(
        restarted.output,
        "Clean job:local_test completed.",
        "submit job:local_test success!",
        "Import to oss completed.",
        "Stop import service, Yes or No: ",
        "No answer; see --help for the flags of unattended runs.",
        "The import service is still running");
    assertTrue(servicePid() > 0, "left running when the stop question has no answer");
    assertInOrder(
        dist.log("import.log"),
        "Retry the failed tasks, Yes or No: maybe",
        "Retry the failed tasks, Yes or No: n",
        "Stop import service, Yes or No: yes");
  }

  @Test
  void aClosedStandardInputQuitsAtTheJobExistsQuestion() throws Exception {
    assertEquals(0, dist.console("submit").exitCode);
    Result run = importing("");
    assertEquals(1, run.exitCode, run.toString());
    assertTrue(run.output.contains("No answer; see --help"), run.output);
    assertTrue(run.output.contains("Import cancelled."), run.output);
    assertEquals(-1, servicePid(), "nothing was started");
  }

  @Test
  void aServiceThatStopsBeforeTheJobEndsIsAnErrorAndLeavesTheJobToResume() throws Exception {
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf").resolve("sys.properties"),
        Collections.singletonList("workerTaskThreadNum=1"));
    oss.faults().always(Operation.PutObject, FaultSpec.latency(500));
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<Result> run = background.submit(() -> importing("", "--stop"));
      Path firstReport = dist.home.resolve("logs").resolve("job_stat.log");
      long deadline = System.currentTimeMillis() + 120000;
      while (!Files.exists(firstReport) || servicePid() < 0) {
        assertTrue(System.currentTimeMillis() < deadline, "no report: " + dist.log("import.log"));
        Thread.sleep(100);
      }
      assertEquals(0, dist.console("stop").exitCode);

      Result stopped = run.get(120, TimeUnit.SECONDS);
      assertEquals(5, stopped.exitCode, stopped.toString());
      assertInOrder(
          stopped.output,
          "JobState:Running",
          "Error: no import service is running on ",
          "Error: the import service stopped before the job finished; see logs/ossimport2.log.");
      assertFalse(stopped.output.contains("Stop import service completed."), stopped.output);
      assertEquals(JobState.Running, dist.status("local_test").state());
    } finally {
      background.shutdownNow();
    }
  }

  /** How many stat reports {@code output} holds. */
  private static int statReports(String output) {
    return output.split("\nJobState:", -1).length - 1;
  }

  /** Each of {@code parts} occurs in {@code text}, in this order. */
  private static void assertInOrder(String text, String... parts) {
    int from = 0;
    for (String part : parts) {
      int at = text.indexOf(part, from);
      assertTrue(at >= 0, "no '" + part + "' after position " + from + " in:\n" + text);
      from = at + part.length();
    }
  }

  private static String read(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
