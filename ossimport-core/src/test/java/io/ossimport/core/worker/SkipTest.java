package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** isSkipExistFile and the defensive importSince check. */
@ExtendWith(OssEmulatorExtension.class)
class SkipTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.file("a.txt", 100);
    h.file("b.txt", 200);
    h.file("big.bin", 1_100_000);
    h.run(h.dispatch(h.entries("a.txt", "b.txt", "big.bin")));
    h.jobKeys.put("isSkipExistFile", "true");
    oss.counters().reset();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void objectsThatExistWithTheSameSizeAreSkippedForOneHeadAndNoPut() throws Exception {
    TaskId id = h.dispatch(h.entries("a.txt", "b.txt", "big.bin"));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(3, h.requests(Operation.HeadObject));
    assertEquals(3, oss.counters().total(), oss.counters().toJson());
    List<AuditRecord> audit = h.audit(id);
    assertEquals(3, audit.size());
    for (AuditRecord r : audit) {
      assertEquals(AuditResult.SKIPPED, r.result());
      assertEquals(ReasonCode.EXISTS, r.reason());
    }
    assertEquals(3, h.progress(id).count(RecordedProgress.EntryState.DONE));
  }

  @Test
  void anObjectOfAnotherSizeIsUploaded() throws Exception {
    byte[] grown = h.file("a.txt", 150);
    TaskId id = h.dispatch(h.entries("a.txt"));

    h.run(id);

    assertEquals(1, h.requests(Operation.HeadObject));
    assertEquals(1, h.requests(Operation.PutObject));
    h.assertStored("a.txt", grown);
  }

  @Test
  void anObjectOlderThanItsSourceIsUploaded() throws Exception {
    byte[] same = h.file("a.txt", 100);
    Files.setLastModifiedTime(
        h.src.resolve("a.txt"), FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    TaskId id = h.dispatch(h.entries("a.txt"));

    h.run(id);

    assertEquals(1, h.requests(Operation.PutObject));
    h.assertStored("a.txt", same);
  }

  @Test
  void anObjectOlderThanImportSinceIsSkippedWithoutAnyRequest() throws Exception {
    h.jobKeys.put("isSkipExistFile", "false");
    h.jobKeys.put("importSince", "2000000000"); // 2033: every file here is older
    TaskEntry a = h.entry("a.txt");
    TaskId id = h.dispatch(Collections.singletonList(a));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(0, oss.counters().total());
    assertEquals(ReasonCode.OLDER_THAN_IMPORT_SINCE, h.audit(id).get(0).reason());
  }
}
