package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * isSkipExistFile with skipExistMode=list|auto: the same decisions as one HEAD per object, for a
 * ListObjects page per 1,000 keys. Every test counts requests: a HEAD per object fails them.
 */
@ExtendWith(OssEmulatorExtension.class)
class SkipListingTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.jobKeys.put("isSkipExistFile", "true");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void threeThousandExistingObjectsAreSkippedForThreeListingsAndNoHead() throws Exception {
    String[] names = new String[3000];
    for (int i = 0; i < names.length; i++) {
      names[i] = String.format("f%04d", i);
      h.file(names[i], 10);
    }
    h.run(h.dispatch(h.entries(names)));
    h.jobKeys.put("skipExistMode", "list");
    oss.counters().reset();

    TaskId id = h.dispatch(h.entries(names));
    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(0, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.PutObject), oss.counters().toJson());
    assertEquals(3, h.requests(Operation.ListObjects), oss.counters().toJson());
    assertEquals(3, oss.counters().total(), oss.counters().toJson());
    List<AuditRecord> audit = h.audit(id);
    assertEquals(3000, audit.size());
    for (AuditRecord r : audit) {
      assertEquals(AuditResult.SKIPPED, r.result());
      assertEquals(ReasonCode.EXISTS, r.reason());
    }
  }

  @Test
  void missingChangedAndNewerSourcesAreSentWhateverTheTasksOrder() throws Exception {
    // Entries in reverse order (a local scan is not in OSS's order); the destination also holds
    // keys no entry has, inside the task's range and just outside it.
    h.file("b1", 100);
    h.file("b2", 100);
    h.file("b3", 100);
    h.file("b4", 100);
    h.run(h.dispatch(h.entries("b1", "b2", "b3", "b4")));
    put("dest/b1x");
    put("dest/b0");
    put("dest/b5");
    Map<String, byte[]> now = new HashMap<>();
    now.put("b2", h.file("b2", 150)); // another size
    now.put("b3", h.file("b3", 100)); // same size, newer than the object
    Files.setLastModifiedTime(
        h.src.resolve("b3"), FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
    now.put("b9", h.file("b9", 20)); // not there
    h.jobKeys.put("skipExistMode", "list");
    oss.counters().reset();

    TaskId id = h.dispatch(h.entries("b9", "b4", "b3", "b2", "b1"));
    h.run(id);

    assertEquals(0, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(1, h.requests(Operation.ListObjects), oss.counters().toJson());
    assertEquals(3, h.requests(Operation.PutObject), oss.counters().toJson());
    for (Map.Entry<String, byte[]> e : now.entrySet()) {
      h.assertStored(e.getKey(), e.getValue());
    }
    Map<String, AuditResult> results = new HashMap<>();
    for (AuditRecord r : h.audit(id)) {
      results.put(r.destination().substring(WorkerHarness.DEST_PREFIX.length()), r.result());
    }
    assertEquals(AuditResult.SKIPPED, results.get("b1"));
    assertEquals(AuditResult.SKIPPED, results.get("b4"));
    assertEquals(AuditResult.OK, results.get("b2"));
  }

  @Test
  void autoHeadsAOneObjectTask() throws Exception {
    h.file("only", 10);
    h.run(h.dispatch(h.entries("only")));
    h.jobKeys.put("skipExistMode", "auto");
    oss.counters().reset();

    h.run(h.dispatch(h.entries("only")));

    assertEquals(1, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.ListObjects), oss.counters().toJson());
  }

  @Test
  void autoGivesUpListingADestinationDenseWithOtherKeys() throws Exception {
    h.file("a", 10);
    h.file("m", 10);
    h.file("z", 10);
    h.run(h.dispatch(h.entries("a", "m", "z")));
    for (int i = 0; i < 2500; i++) {
      put(String.format("dest/c%04d", i)); // between a and m
    }
    h.jobKeys.put("skipExistMode", "auto");
    oss.counters().reset();

    TaskId id = h.dispatch(h.entries("a", "m", "z"));
    h.run(id);

    // page 1 resolves a; 2 keys left, 2 pages read: the rest is cheaper by HEAD
    assertEquals(2, h.requests(Operation.ListObjects), oss.counters().toJson());
    assertEquals(2, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.PutObject), oss.counters().toJson());
    assertEquals(3, count(h.audit(id), AuditResult.SKIPPED));

    h.jobKeys.put("skipExistMode", "list");
    oss.counters().reset();
    h.run(h.dispatch(h.entries("a", "m", "z")));
    assertEquals(3, h.requests(Operation.ListObjects), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.PutObject), oss.counters().toJson());
  }

  @Test
  void keysBeyondTheBasicPlaneAreMatchedInOssOrder() throws Exception {
    // UTF-16 order puts U+1F600 (a surrogate pair) before U+FF21; OSS (UTF-8 bytes) after it.
    String[] names = {"\uFF21", "\uD83D\uDE00", "a", "\uD83D\uDE00b"};
    for (String n : names) {
      h.file(n, 10);
    }
    h.run(h.dispatch(h.entries(names)));
    h.jobKeys.put("skipExistMode", "list");
    oss.counters().reset();

    TaskId id = h.dispatch(h.entries(names));
    h.run(id);

    assertEquals(0, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.PutObject), oss.counters().toJson());
    assertEquals(4, count(h.audit(id), AuditResult.SKIPPED));
  }

  @Test
  void aListingThatKeepsFailingLeavesEachObjectToAHead() throws Exception {
    h.file("y1", 10);
    h.file("y2", 10);
    h.file("y3", 10);
    h.run(h.dispatch(h.entries("y1", "y2", "y3")));
    h.jobKeys.put("skipExistMode", "list");
    oss.counters().reset();
    oss.faults().always(Operation.ListObjects, FaultSpec.internalError());

    TaskId id = h.dispatch(h.entries("y1", "y2", "y3"));
    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(4, h.requests(Operation.ListObjects), "the attempts of one page");
    assertEquals(3, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(0, h.requests(Operation.PutObject), oss.counters().toJson());
    assertEquals(3, count(h.audit(id), AuditResult.SKIPPED));
    assertTrue(h.eventText().contains("listing the destination for isSkipExistFile failed"));
  }

  @Test
  void theDefaultHeadsEachObjectAsTheOriginal() throws Exception {
    h.file("x1", 10);
    h.file("x2", 10);
    h.run(h.dispatch(h.entries("x1", "x2")));
    oss.counters().reset();

    h.run(h.dispatch(h.entries("x1", "x2")));

    assertEquals(2, h.requests(Operation.HeadObject));
    assertEquals(0, h.requests(Operation.ListObjects));
  }

  @Test
  void listingOrderIsCodePointOrder() {
    List<String> keys = new ArrayList<>(Arrays.asList("\uFF21", "\uD83D\uDE00", "a", "ab", ""));
    Collections.sort(keys, SkipListing.LISTING_ORDER);
    assertArrayEquals(
        new String[] {"", "a", "ab", "\uFF21", "\uD83D\uDE00"}, keys.toArray(new String[0]));
    assertTrue(SkipListing.compareCodePoints("a", "a") == 0);
  }

  private void put(String key) {
    h.client.putObject(h.bucket, key, new ByteArrayInputStream(new byte[] {1}));
  }

  private static int count(List<AuditRecord> audit, AuditResult result) {
    int n = 0;
    for (AuditRecord r : audit) {
      if (r.result() == result) {
        n++;
      }
    }
    return n;
  }
}
