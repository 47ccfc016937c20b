package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ForkedJvm;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.store.UploadMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in a JVM of its own is killed with -9 at several points; a new JVM started without a
 * resubmit finishes the job. Every object equals its source, no object completed before the kill is
 * sent again, and no more multipart parts are sent again than were in flight at the kill.
 */
class ServiceCrashIT {
  private static final int PART = 256 * 1024;
  private static OssEmulator oss;

  @TempDir Path temp;
  private ImportFixture f;

  @BeforeAll
  static void startEmulator() throws Exception {
    oss = OssEmulator.builder().build().start();
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    oss.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    oss.faults().clear();
    f = new ImportFixture(oss, temp);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void killedMidScanOfALargeTree() throws Exception {
    for (int i = 0; i < 3000; i++) {
      f.file("d" + (i % 20) + "/f" + i, i % 300);
    }
    f.job.put("taskObjectCountLimit", "30");
    JobTree tree = new JobTree(f.work);

    CrashReport report =
        crashAndRestart(
            "mid-scan",
            // The kill point is the task files the scan writes (each as it is cut, fsynced), not
            // the JOB record's totals: those reach JOB at most once a second, and a quiet machine
            // scans these 3,000 files in less than that, so the record could go from no totals
            // straight to a finished scan between two looks.
            () -> tree.jobExists(ImportFixture.JOB) && tasksCut(tree) >= 10);

    assertFalse(report.scanFinishedAtKill);
  }

  @Test
  void killedMidMultipartUpload() throws Exception {
    for (int i = 0; i < 3; i++) {
      f.file("large/" + i + ".bin", 12 * PART - 1000 * i);
    }
    for (int i = 0; i < 5; i++) {
      f.file("small/" + i, 1000 + i);
    }
    f.job.put("uploadThreadNumPerLargeFile", "2");
    f.sys.put("workerTaskThreadNum", "2");
    oss.faults().always(Operation.UploadPart, FaultSpec.latency(150));

    CrashReport report = crashAndRestart("mid-multipart", () -> partsStored() >= 8);

    assertTrue(report.partsAtKill >= 8);
    assertTrue(
        report.resentParts <= 2 * 2,
        "at most the parts in flight (2 objects x 2 parts) are sent again: " + report);
  }

  @Test
  void killedBetweenTasks() throws Exception {
    for (int i = 0; i < 24; i++) {
      f.file("t/" + i, 2000 + i);
    }
    f.job.put("taskObjectCountLimit", "2");
    f.sys.put("workerTaskThreadNum", "1");
    oss.faults().always(Operation.PutObject, FaultSpec.latency(40));
    JobTree tree = new JobTree(f.work);

    crashAndRestart(
        "between-tasks",
        () ->
            tree.jobExists(ImportFixture.JOB)
                && tree.countTasks(ImportFixture.JOB, TaskState.SUCCEED) >= 4);
  }

  private static long tasksCut(JobTree tree) throws Exception {
    long n = 0;
    for (TaskState state : TaskState.values()) {
      n += tree.countTasks(ImportFixture.JOB, state);
    }
    return n;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private CrashReport crashAndRestart(String scenario, Check killWhen) throws Exception {
    OssImport here = f.open();
    here.submit(f.jobFile());
    CrashReport report = new CrashReport(scenario);
    try (ForkedJvm first = fork()) {
      first.awaitLine("STARTED ", 60_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!killWhen.holds()) {
        assertTrue(System.nanoTime() < deadline, "kill point not reached:\n" + first.output());
        Thread.sleep(5);
      }
      first.kill();
    }
    // Requests the dead JVM had in flight end on the server side (latency faults sleep first).
    oss.faults().clear();
    Thread.sleep(1000);
    Map<String, Long> storedAtKill = f.storedObjects();
    Map<String, Integer> partsAtKill = partsByKey();
    report.scanFinishedAtKill = new JobTree(f.work).readJob(ImportFixture.JOB).scanFinished();
    report.objectsAtKill = storedAtKill.size();
    report.partsAtKill = partsAtKill.values().stream().mapToInt(Integer::intValue).sum();
    oss.counters().reset();

    try (ForkedJvm second = fork()) {
      String state = second.awaitLine("STATE ", 300_000);
      assertEquals("STATE Succeed", state, second.output());
      assertEquals(0, second.awaitExit(60_000), second.output());
    }

    f.assertAllStored();
    Map<String, Long> after = f.storedObjects();
    for (Map.Entry<String, Long> e : storedAtKill.entrySet()) {
      if (!e.getValue().equals(after.get(e.getKey()))) {
        report.resentObjects++;
      }
    }
    long neededBytes = 0;
    long neededPuts = 0;
    long neededParts = 0;
    for (Map.Entry<String, byte[]> e : f.files.entrySet()) {
      String key = ImportFixture.DEST_PREFIX + e.getKey();
      if (storedAtKill.containsKey(key)) {
        continue;
      }
      int size = e.getValue().length;
      if (size <= 1024 * 1024) {
        neededPuts++;
        neededBytes += size;
      } else {
        int parts = (size + PART - 1) / PART;
        int have = partsAtKill.containsKey(key) ? partsAtKill.get(key) : 0;
        neededParts += parts - have;
        neededBytes += size - (long) have * PART;
      }
    }
    report.putsAfter = oss.counters().get(Operation.PutObject);
    report.neededPuts = neededPuts;
    report.uploadPartsAfter = oss.counters().get(Operation.UploadPart);
    report.resentParts = report.uploadPartsAfter - neededParts;
    report.resentBytes = oss.counters().bytesReceived() - neededBytes;
    report.openUploadsLeft = oss.store().uploads(f.bucket).size();
    System.out.println("CRASH-REPORT " + report);

    assertEquals(0, report.resentObjects, "an object completed before the kill was sent again");
    assertEquals(
        neededPuts, report.putsAfter, "each object missing at the kill sent once: " + report);
    assertTrue(report.resentParts >= 0, report.toString());
    return report;
  }

  private ForkedJvm fork() throws Exception {
    List<String> sys = new ArrayList<>();
    for (Map.Entry<String, String> e : f.sys.entrySet()) {
      sys.add(e.getKey() + "=" + e.getValue());
    }
    return ForkedJvm.start(
        Arrays.asList("-Xmx256m", "-Dossimport.progressIntervalMillis=1000"),
        "run",
        ImportFixture.JOB,
        sys.toArray(new String[0]));
  }

  private int partsStored() throws Exception {
    return partsByKey().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Parts stored per key, over its newest open upload. */
  private Map<String, Integer> partsByKey() throws Exception {
    Map<String, Integer> parts = new HashMap<>();
    for (UploadMeta u : oss.store().uploads(f.bucket)) {
      parts.put(u.key(), oss.store().parts(f.bucket, u.key(), u.uploadId()).size());
    }
    return parts;
  }

  /** What a crash cost, for the report. */
  static final class CrashReport {
    final String scenario;
    boolean scanFinishedAtKill;
    int objectsAtKill;
    int partsAtKill;
    int resentObjects;
    long putsAfter;
    long neededPuts;
    long uploadPartsAfter;
    long resentParts;
    long resentBytes;
    int openUploadsLeft;

    CrashReport(String scenario) {
      this.scenario = scenario;
    }

    @Override
    public String toString() {
      return "scenario="
          + scenario
          + " scanFinishedAtKill="
          + scanFinishedAtKill
          + " objectsStoredAtKill="
          + objectsAtKill
          + " partsStoredAtKill="
          + partsAtKill
          + " completedObjectsResent="
          + resentObjects
          + " putsAfterRestart="
          + putsAfter
          + "/"
          + neededPuts
          + " uploadPartsAfterRestart="
          + uploadPartsAfter
          + " partsResent="
          + resentParts
          + " bytesResent="
          + resentBytes
          + " openUploadsLeft="
          + openUploadsLeft;
    }
  }
}
