package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobFollow;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stat --follow} in this JVM, with the service started here too: a report per interval while
 * the job runs, the final report as soon as the job ends, and an exit code the import scripts act
 * on.
 */
class StatFollowIT {
  private static final String JOB = "local_test";
  private static OssEmulator oss;

  @TempDir Path temp;
  private Path sysProperties;
  private Path logs;
  private OssImport facade;
  private TreeMap<String, Long> files;
  private RunningService service;
  private final ExecutorService follower = Executors.newSingleThreadExecutor();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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
  void submitAJob(TestInfo test) throws Exception {
    oss.faults().clear();
    Path source = Files.createDirectory(temp.resolve("source"));
    files = SampleTree.create(source, 20, 11);
    logs = temp.resolve("logs");
    sysProperties = copyOfShipped("sys.properties");
    UnpackedDistribution.setKeys(
        sysProperties,
        Arrays.asList(
            "workingDir=" + temp.resolve("work").toString().replace('\\', '/'),
            "workerTaskThreadNum=2"));
    String bucket = "f-" + test.getTestMethod().get().getName().toLowerCase().substring(0, 20);
    oss.createBucketIfMissing(bucket);
    Path job = copyOfShipped("local_job.cfg");
    UnpackedDistribution.setKeys(
        job,
        Arrays.asList(
            "srcPrefix=" + source.toAbsolutePath().toString().replace('\\', '/') + "/",
            "destAccessKey=" + oss.accessKeyId(),
            "destSecretKey=" + oss.secretAccessKey(),
            "destDomain=" + oss.endpoint(),
            "destBucket=" + bucket,
            "taskObjectCountLimit=10"));
    facade = OssImport.open(sysProperties, ImportListener.NONE);
    facade.submit(job);
  }

  @AfterEach
  void stopEverything() throws Exception {
    follower.shutdownNow();
    follower.awaitTermination(10, TimeUnit.SECONDS);
    if (service != null) {
      service.close();
    }
    oss.faults().clear();
  }

  private Path copyOfShipped(String name) throws Exception {
    Path copy = temp.resolve(name);
    Files.copy(Paths.get("src", "dist", "conf", name), copy, StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  /** Runs {@code stat ... --follow} on {@code job} in the background, as import.sh does. */
  private Future<Integer> follow(String job, long serviceStartMillis, String... extra) {
    List<String> args =
        new ArrayList<String>(
            Arrays.asList(
                "-c",
                sysProperties.toString(),
                "stat",
                "detail",
                "--job",
                job,
                "--progress",
                "--follow",
                "--log-file",
                logs.resolve("import.log").toString(),
                "--status-file",
                logs.resolve("job_stat.log").toString()));
    args.addAll(Arrays.asList(extra));
    CommandLine cli =
        Main.commandLine(print(out), print(err), Collections.<String, String>emptyMap());
    ((StatCommand) cli.getSubcommands().get("stat").getCommand()).following.serviceStartMillis =
        serviceStartMillis;
    return follower.submit(() -> cli.execute(args.toArray(new String[0])));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    try {
      return new PrintStream(bytes, true, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** Waits until the follower has printed {@code count} reports; fails after 60 s. */
  private void awaitReports(int count) throws Exception {
    long deadline = System.currentTimeMillis() + 60000;
    while (reports(out()).size() < count) {
      assertTrue(System.currentTimeMillis() < deadline, "no " + count + " reports:\n" + out());
      Thread.sleep(50);
    }
  }

  /** The JobState of each report, in order. */
  private static List<String> reports(String text) {
    List<String> states = new ArrayList<String>();
    Matcher m = Pattern.compile("(?m)^JobState:(\\w+)$").matcher(text);
    while (m.find()) {
      states.add(m.group(1));
    }
    return states;
  }

  private String file(String name) throws Exception {
    return new String(Files.readAllBytes(logs.resolve(name)), StandardCharsets.UTF_8);
  }

  @Test
  void theFinalReportComesAsSoonAsTheJobEndsNotAtTheNextInterval() throws Exception {
    Future<Integer> following = follow(JOB, JobFollow.SERVICE_START_MILLIS, "--interval", "60");
    awaitReports(1);
    service = facade.start();

    // A whole interval is 60 s: finishing well before it means the end was seen by itself.
    int exit = following.get(30, TimeUnit.SECONDS);

    assertEquals(0, exit, out() + err);
    assertEquals(Arrays.asList("Running", "Succeed"), reports(out()));
    assertTrue(
        out().contains(JOB + " Succeed: " + files.size() + "/" + files.size() + " objects, "),
        out());
  }

  @Test
  void aReportComesEveryIntervalWhileTheJobRunsAndReachesBothFiles() throws Exception {
    long begin = System.nanoTime();
    Future<Integer> following = follow(JOB, JobFollow.SERVICE_START_MILLIS, "--interval", "0.5");
    awaitReports(4);
    double waitedSeconds = (System.nanoTime() - begin) / 1e9;
    service = facade.start();

    assertEquals(0, (int) following.get(60, TimeUnit.SECONDS), out() + err);
    List<String> states = reports(out());
    assertEquals("Succeed", states.get(states.size() - 1), out());
    assertEquals(Arrays.asList("Running", "Running", "Running", "Running"), states.subList(0, 4));
    // One report per interval, not one per look at the job's state (every 250 ms): the fourth
    // report comes three intervals after the first.
    assertTrue(waitedSeconds >= 1.4, waitedSeconds + " s:\n" + out());
    assertEquals(out(), file("import.log"), "every report is appended to the log file");
    assertEquals(
        Collections.singletonList("Succeed"),
        reports(file("job_stat.log")),
        "the status file holds the latest report");
    assertTrue(
        file("job_stat.log")
            .endsWith(" 0 failed; tasks 0 running, 0 pending" + System.lineSeparator()),
        file("job_stat.log"));
  }

  @Test
  void aServiceThatStopsBeforeTheJobEndsEndsTheFollowWithExitFour() throws Exception {
    oss.faults().always(Operation.PutObject, FaultSpec.latency(400));
    service = facade.start();
    Future<Integer> following = follow(JOB, JobFollow.SERVICE_START_MILLIS, "--interval", "60");
    awaitReports(1);
    service.stop();

    assertEquals(ExitCode.SERVICE_STATE.code(), (int) following.get(30, TimeUnit.SECONDS), out());
    assertEquals(Arrays.asList("Running", "Running"), reports(out()), "a last report, then out");
    String error = new String(err.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(error.contains("no import service is running on "), error);
    assertTrue(error.contains("job " + JOB + " cannot finish"), error);
  }

  @Test
  void withoutAServiceTheFollowGivesUpAfterTheStartGrace() throws Exception {
    Future<Integer> following = follow(JOB, 300, "--interval", "60");

    assertEquals(ExitCode.SERVICE_STATE.code(), (int) following.get(30, TimeUnit.SECONDS), out());
    assertEquals(Arrays.asList("Running", "Running"), reports(out()));
  }

  @Test
  void anUnknownJobIsAConflict() throws Exception {
    Future<Integer> following = follow("no_such_job", 300);

    assertEquals(ExitCode.JOB_CONFLICT.code(), (int) following.get(30, TimeUnit.SECONDS));
    assertTrue(
        new String(err.toByteArray(), StandardCharsets.UTF_8).contains("no_such_job"),
        "the error names the job");
  }
}
