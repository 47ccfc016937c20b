package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A destination that does not work (wrong secret, missing bucket, nobody listening) aborts the job
 * after a few objects instead of failing every object on its own; the cause is in stat; after the
 * fix, retry and start finish the job without sending again what was done.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class DestinationAbortTest {
  private static final long MINUTES = 180_000;
  private static final int FILES = 2_000;

  /** What the acceptance allows to be tried before the abort. */
  private static final int FEW = 50;

  OssEmulator oss;
  private ImportFixture f;

  @BeforeEach
  void setUp() throws Exception {
    for (int i = 0; i < FILES; i++) {
      f.file("d" + (i % 20) + "/f" + i + ".txt", 1 + i % 7);
    }
  }

  @Test
  void aMissingBucketAbortsAfterAFewObjectsAndTheJobFinishesOnceItExists() throws Exception {
    String missing = f.bucket + "-missing";
    f.job.put("destBucket", missing);
    // The shipped default: more object threads than FEW; the request window's slow start keeps
    // a destination that refuses everything from being tried on one object per thread.
    f.sys.put("workerTaskThreadNum", "60");
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    JobStatus aborted = run(ossimport);

    assertEquals(JobState.Abort, aborted.state(), f.events.text());
    long tried = oss.counters().get(Operation.PutObject);
    assertTrue(
        tried > 0 && tried < FEW,
        tried + " PUTs before the abort, with 60 object threads: fewer than one per thread");
    assertTrue(
        aborted
            .abortReason()
            .contains("NoSuchBucket: The specified bucket does not exist. (request "),
        aborted.abortReason());
    assertTrue(aborted.abortReason().contains("bucket " + missing), aborted.abortReason());
    assertTrue(aborted.abortReason().contains("check destBucket"), aborted.abortReason());
    String text = StatReport.text(Collections.singletonList(aborted));
    assertTrue(text.contains("\nAbortReason:the destination failed for 3 objects"), text);
    String json = StatReport.jsonLines(Collections.singletonList(aborted));
    assertTrue(json.contains("\"abortReason\":\"the destination failed"), json);
    assertEquals(
        1,
        f.events.events().stream()
            .filter(
                e ->
                    e.level() == ImportEvent.Level.ERROR
                        && e.message() != null
                        && e.message().startsWith("job Abort: "))
            .count(),
        "one ERROR for the job, not one per task: " + f.events.text());
    assertEquals(JobState.Abort, ossimport.stat(ImportFixture.JOB).state(), "it stays aborted");

    oss.createBucket(missing);
    oss.counters().reset();
    ossimport.retry(ImportFixture.JOB);
    JobStatus done = run(ossimport);

    assertEquals(JobState.Succeed, done.state(), f.events.text());
    assertEquals("", done.abortReason());
    assertEquals(FILES, done.doneObjects());
    assertEquals(0, done.failedObjects());
    assertEquals(FILES, oss.counters().get(Operation.PutObject), "each object sent once");
    assertEquals(FILES, count(missing));
  }

  @Test
  void objectsDoneBeforeTheAbortAreNotSentAgain() throws Exception {
    f.sys.put("workerTaskThreadNum", "2");
    FaultSpec[] script = new FaultSpec[300];
    for (int i = 0; i < script.length; i++) {
      script[i] = i < 40 ? FaultSpec.pass() : FaultSpec.error(404, "NoSuchBucket");
    }
    oss.faults().script(Operation.PutObject, script);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    JobStatus aborted = run(ossimport);

    assertEquals(JobState.Abort, aborted.state(), f.events.text());
    Map<String, Long> before = f.storedObjects();
    assertEquals(40, before.size(), "the objects sent before the bucket went away");
    long tried = oss.counters().get(Operation.PutObject);
    assertTrue(tried - 40 < FEW, tried + " PUTs");

    oss.faults().clear();
    oss.counters().reset();
    ossimport.retry(ImportFixture.JOB);
    JobStatus done = run(ossimport);

    assertEquals(JobState.Succeed, done.state(), f.events.text());
    assertEquals(FILES, done.doneObjects());
    assertEquals(FILES - 40, oss.counters().get(Operation.PutObject), "the 40 are not sent again");
    Map<String, Long> after = f.storedObjects();
    for (Map.Entry<String, Long> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was not sent again");
    }
    f.assertAllStored();
  }

  @Test
  void aWrongSecretAbortsAfterAFewObjectsAndNeverShowsTheSecret() throws Exception {
    String wrong = "wrong-secret-0123456789";
    f.job.put("destSecretKey", wrong);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    JobStatus aborted = run(ossimport);

    assertEquals(JobState.Abort, aborted.state(), f.events.text());
    long tried = oss.counters().get(Operation.PutObject);
    assertTrue(tried > 0 && tried < FEW, tried + " PUTs before the abort");
    assertTrue(aborted.abortReason().contains("SignatureDoesNotMatch"), aborted.abortReason());
    assertTrue(
        aborted.abortReason().contains("check destAccessKey and destSecretKey"),
        aborted.abortReason());
    assertFalse(aborted.abortReason().contains(wrong));
    assertFalse(f.events.text().contains(wrong));
    assertTrue(
        JobReport.abortMessage(aborted, "retry and start")
            .endsWith(
                "Fix the cause, then run retry and start: the objects already done are kept."));
  }

  @Test
  void anEndpointNobodyListensOnAbortsAfterTheRetriesOfAFewObjects() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    f.job.put("destDomain", "http://127.0.0.1:" + port);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    JobStatus aborted = run(ossimport);

    assertEquals(JobState.Abort, aborted.state(), f.events.text());
    assertTrue(aborted.abortReason().contains("Connection refused"), aborted.abortReason());
    assertTrue(aborted.abortReason().contains("reachable"), aborted.abortReason());
    Set<String> tried = triedKeys(new JobTree(f.work));
    assertTrue(tried.size() >= 3 && tried.size() < FEW, tried.size() + " objects tried");

    try (OssEmulator there =
        OssEmulator.builder()
            .inMemory()
            .port(port)
            .credentials(oss.accessKeyId(), oss.secretAccessKey())
            .build()
            .start()) {
      there.createBucket(f.bucket);
      ossimport.retry(ImportFixture.JOB);
      JobStatus done = run(ossimport);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(FILES, done.doneObjects());
      assertEquals(FILES, there.counters().get(Operation.PutObject));
    }
  }

  private JobStatus run(OssImport ossimport) throws Exception {
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTES);
    }
  }

  private long count(String bucket) throws Exception {
    long n = 0;
    for (java.util.Iterator<?> it = oss.store().list(bucket, null, true); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  /** The keys with a FAILED or RETRY line in the audit logs of the tasks still in the worker. */
  private static Set<String> triedKeys(JobTree tree) throws IOException {
    List<TaskId> ids;
    try (Stream<TaskId> s = tree.workerTasks(ImportFixture.JOB)) {
      ids = s.collect(Collectors.toList());
    }
    List<AuditRecord> lines = new ArrayList<>();
    for (TaskId id : ids) {
      tree.workerFiles(ImportFixture.JOB, id).readAudit(lines::add);
    }
    Set<String> keys = new HashSet<>();
    for (AuditRecord r : lines) {
      if (r.result() == AuditResult.FAILED || r.result() == AuditResult.RETRY) {
        keys.add(r.destination());
      }
    }
    return keys;
  }
}
