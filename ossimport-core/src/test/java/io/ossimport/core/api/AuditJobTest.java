package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.AuditMode;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.core.testkit.TestJobs;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code jobType=audit} end to end over a local source: a clean copy passes in every mode, planted
 * differences are found by the modes that look for them, and the destination is never written.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class AuditJobTest {
  private static final long MINUTE = 60_000;
  private static final String AUDIT = "audit_job";

  OssEmulator oss;
  private ImportFixture f;
  private OssImport ossimport;

  @BeforeEach
  void setUp() throws Exception {
    f.file("ok.txt", 100);
    f.file("dir/missing.bin", 200);
    f.file("dir/resized.bin", 300);
    f.file("dir/samesize.bin", 400);
    f.file("big.bin", 1300 * 1024); // multipart: its CRC-64 is the combined one
    f.job.put("taskObjectCountLimit", "3");
    ossimport = f.open();
  }

  @ParameterizedTest
  @EnumSource(AuditMode.class)
  void anImportedTreePassesItsAuditWithOneHeadPerObjectAndNoWrite(AuditMode mode) throws Exception {
    assertEquals(JobState.Succeed, run(f.job).state(), f.events.text());
    oss.counters().reset();

    JobStatus status = run(auditJob(mode));

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(5, status.totalObjects());
    assertEquals(5, status.doneObjects());
    assertEquals(0, status.skippedObjects());
    assertEquals(0, status.failedObjects());
    for (AuditRecord r : auditLines()) {
      assertEquals(AuditResult.OK, r.result(), r.toString());
    }
    assertOnlyHeads(5);
    List<String> summary = JobReport.summary(status, f.work, PlainWords.WORDS);
    assertTrue(summary.get(0).contains("5 of 5 verified equal"), summary.toString());
  }

  @ParameterizedTest
  @EnumSource(AuditMode.class)
  void plantedDifferencesAreFoundByTheModesThatLookForThem(AuditMode mode) throws Exception {
    copyDirectly();
    String prefix = ImportFixture.DEST_PREFIX;
    f.client.deleteObject(f.bucket, prefix + "dir/missing.bin");
    put("dir/resized.bin", 301);
    put("dir/samesize.bin", 400); // newer than the source, same size, other bytes
    oss.counters().reset();

    JobStatus status = run(auditJob(mode));

    Map<String, ReasonCode> expected = new TreeMap<>();
    expected.put("dir/missing.bin", ReasonCode.MISSING);
    expected.put("dir/resized.bin", ReasonCode.SIZE_NOT_MATCH);
    if (mode == AuditMode.DETAILED) {
      expected.put("dir/samesize.bin", ReasonCode.CRC_NOT_MATCH);
    }
    assertEquals(JobState.Failed, status.state(), f.events.text());
    assertEquals(expected, failures());
    assertEquals(expected.size(), status.failedObjects());
    assertEquals(5 - expected.size(), status.doneObjects());
    AuditResult sameSize = mode == AuditMode.DETAILED ? AuditResult.FAILED : AuditResult.OK;
    assertEquals(sameSize, lastLine(prefix + "dir/samesize.bin").result());
    assertEquals(AuditResult.OK, lastLine(prefix + "big.bin").result());
    assertOnlyHeads(5);
  }

  @Test
  void aRetryAuditsTheFailedObjectsAgain() throws Exception {
    copyDirectly();
    byte[] original = f.files.get("dir/samesize.bin");
    put("dir/samesize.bin", 400);
    JobStatus failed = run(auditJob(AuditMode.DETAILED));
    assertEquals(JobState.Failed, failed.state(), f.events.text());
    assertTrue(JobReport.hasFailedTasks(failed));
    f.client.putObject(
        f.bucket,
        ImportFixture.DEST_PREFIX + "dir/samesize.bin",
        new ByteArrayInputStream(original));
    oss.counters().reset();

    RetryResult retried = ossimport.retry(AUDIT);
    JobStatus status;
    try (RunningService service = ossimport.start()) {
      status = service.awaitJob(AUDIT, MINUTE);
    }

    assertEquals(1, retried.objectsToRedo());
    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(0, status.failedObjects());
    assertEquals(5, status.doneObjects());
    assertOnlyHeads(1);
  }

  @Test
  void objectsModifiedAfterLastModifyAreSkippedUnverified() throws Exception {
    copyDirectly();
    long now = System.currentTimeMillis();
    for (String old : new String[] {"ok.txt", "big.bin"}) {
      Files.setLastModifiedTime(f.src.resolve(old), FileTime.fromMillis(now - 7_200_000));
    }
    f.client.deleteObject(f.bucket, ImportFixture.DEST_PREFIX + "dir/missing.bin");
    oss.counters().reset();
    Map<String, String> keys = auditJob(AuditMode.GENERAL);
    keys.put("lastModify", Long.toString(now / 1000 - 3600));

    JobStatus status = run(keys);

    assertEquals(JobState.Succeed, status.state(), "the missing object is not looked at");
    assertEquals(3, status.skippedObjects());
    assertEquals(5, status.doneObjects());
    assertEquals(
        ReasonCode.NEWER_THAN_LAST_MODIFY,
        lastLine(ImportFixture.DEST_PREFIX + "dir/missing.bin").reason());
    assertEquals(AuditResult.OK, lastLine(ImportFixture.DEST_PREFIX + "ok.txt").result());
    assertOnlyHeads(2);
  }

  /** A copy made by another tool: each source file PUT as it is, in one request. */
  private void copyDirectly() {
    for (Map.Entry<String, byte[]> e : f.files.entrySet()) {
      f.client.putObject(
          f.bucket, ImportFixture.DEST_PREFIX + e.getKey(), new ByteArrayInputStream(e.getValue()));
    }
    oss.counters().reset();
  }

  private Map<String, String> auditJob(AuditMode mode) {
    Map<String, String> keys = new LinkedHashMap<>(f.job);
    keys.put("jobName", AUDIT);
    keys.put("jobType", "audit");
    keys.put("auditMode", mode.configValue());
    return keys;
  }

  private JobStatus run(Map<String, String> keys) throws Exception {
    // Offline: only the job's own requests are counted (DestinationPreflightTest counts submit's).
    Path file = TestJobs.writeJobFile(f.temp.resolve(keys.get("jobName") + ".cfg"), keys);
    ossimport.submit(file, Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(keys.get("jobName"), MINUTE);
    }
  }

  /** Overwrites the destination of {@code reference} with {@code size} other bytes. */
  private void put(String reference, int size) {
    byte[] other = new byte[size];
    new Random(size * 7L).nextBytes(other);
    f.client.putObject(
        f.bucket, ImportFixture.DEST_PREFIX + reference, new ByteArrayInputStream(other));
  }

  private void assertOnlyHeads(long heads) {
    assertEquals(heads, oss.counters().get(Operation.HeadObject), oss.counters().toJson());
    assertEquals(heads, oss.counters().total(), "no write at all: " + oss.counters().toJson());
  }

  /** Source reference → reason, from the error.list of every failed task. */
  private Map<String, ReasonCode> failures() throws Exception {
    JobTree tree = new JobTree(f.work);
    Map<String, ReasonCode> failures = new TreeMap<>();
    for (TaskRef task : tasks(tree, TaskState.FAILED)) {
      for (ErrorEntry e : tree.readErrors(AUDIT, task)) {
        failures.put(e.source(), e.reason());
      }
    }
    return failures;
  }

  private List<AuditRecord> auditLines() throws Exception {
    JobTree tree = new JobTree(f.work);
    List<AuditRecord> lines = new ArrayList<>();
    for (TaskState state : new TaskState[] {TaskState.SUCCEED, TaskState.FAILED}) {
      for (TaskRef task : tasks(tree, state)) {
        tree.readAudit(AUDIT, task, lines::add);
      }
    }
    return lines;
  }

  private AuditRecord lastLine(String key) throws Exception {
    AuditRecord last = null;
    for (AuditRecord r : auditLines()) {
      if (r.destination().equals(key)) {
        last = r;
      }
    }
    if (last == null) {
      throw new AssertionError("no audit line for " + key);
    }
    return last;
  }

  private static List<TaskRef> tasks(JobTree tree, TaskState state) throws Exception {
    List<TaskRef> tasks = new ArrayList<>();
    try (Stream<TaskRef> s = tree.tasks(AUDIT, state)) {
      Iterator<TaskRef> it = s.iterator();
      while (it.hasNext()) {
        tasks.add(it.next());
      }
    }
    return tasks;
  }
}
