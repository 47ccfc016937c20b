package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import io.ossimport.emulator.store.ObjectSummary;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * isAuditAfterImport: the proof comes from the upload's answer (OSS's CRC-64, checked by the SDK);
 * one HEAD, compared as auditMode says, only where the answer has none.
 */
@ExtendWith(OssEmulatorExtension.class)
class AuditAfterImportTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;
  final AtomicInteger opens = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.jobKeys.put("isAuditAfterImport", "true");
    h.sourceWrapper =
        s ->
            new ReportingSource(
                s, Collections.<String, UnaryOperator<ObjectStat>>emptyMap(), opens);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void anAnswerCarryingOssCrcIsTheProofSoNoHeadIsSent() throws Exception {
    byte[] a = h.file("a.txt", 1000);
    byte[] b = h.file("b.bin", 0);
    byte[] big = h.file("big.bin", 1_100_000); // multipart: 4 parts of 300k
    TaskId id = h.dispatch(h.entries("a.txt", "b.bin", "big.bin"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(2, h.requests(Operation.PutObject));
    assertEquals(0, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(3, h.progress(id).count(EntryState.DONE));
    assertEquals(3, h.audit(id).size());
    h.assertStored("a.txt", a);
    h.assertStored("b.bin", b);
    h.assertStored("big.bin", big);
  }

  @Test
  void aSmallObjectCostsExactlyOneRequest() throws Exception {
    h.jobKeys.put("auditMode", "detailed");
    h.file("a.txt", 5000);
    TaskId id = h.dispatch(h.entries("a.txt"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, opens.get(), "read once, for the upload");
    assertEquals(1, oss.counters().total(), oss.counters().toJson());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"simple", "general", "detailed"})
  void anAnswerWithoutCrcCostsOneHeadComparedAsAuditModeSays(String mode) throws Exception {
    h.jobKeys.put("auditMode", mode);
    byte[] a = h.file("a.txt", 5000);
    TaskId id = h.dispatch(h.entries("a.txt"));
    oss.counters().reset();
    oss.faults().script(Operation.PutObject, FaultSpec.noCrc());

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, opens.get(), "detailed uses the CRC-64 computed while sending");
    assertEquals(1, h.requests(Operation.HeadObject), oss.counters().toJson());
    assertEquals(2, oss.counters().total(), oss.counters().toJson());
    h.assertStored("a.txt", a);
  }

  @Test
  void aCompleteWithoutCrcCostsOneHead() throws Exception {
    byte[] big = h.file("big.bin", 1_100_000);
    TaskId id = h.dispatch(h.entries("big.bin"));
    oss.counters().reset();
    oss.faults().script(Operation.CompleteMultipartUpload, FaultSpec.noCrc());

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(1, h.requests(Operation.HeadObject), oss.counters().toJson());
    h.assertStored("big.bin", big);
  }

  @Test
  void turnedOffNothingMoreIsSent() throws Exception {
    h.jobKeys.put("isAuditAfterImport", "false");
    h.file("a.txt", 1000);
    TaskId id = h.dispatch(h.entries("a.txt"));
    oss.counters().reset();

    h.run(id);

    assertEquals(1, oss.counters().total(), "the PUT alone: " + oss.counters().toJson());
  }

  @Test
  void aSourceModifiedAfterLastModifyIsUploadedButNotVerified() throws Exception {
    h.jobKeys.put("lastModify", Long.toString(System.currentTimeMillis() / 1000 - 3600));
    h.file("a.txt", 1000);
    TaskId id = h.dispatch(h.entries("a.txt"));
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status());
    assertEquals(1, oss.counters().total(), "no HEAD: " + oss.counters().toJson());
  }

  @ParameterizedTest(name = "{0}: overwritten with {1} bytes -> {2}")
  @CsvSource({
    "simple, 999, SIZE_NOT_MATCH",
    "simple, 1000, ",
    "general, 1000, ",
    "detailed, 1000, CRC_NOT_MATCH"
  })
  void anObjectOverwrittenAtTheDestinationRightAfterItsUploadFails(
      String mode, int overwriteSize, ReasonCode expected) throws Exception {
    h.jobKeys.put("auditMode", mode);
    h.file("a.txt", 1000);
    String key = WorkerHarness.DEST_PREFIX + "a.txt";
    byte[] other = WorkerHarness.bytes(overwriteSize, 99);
    AtomicBoolean overwritten = new AtomicBoolean();
    UnaryOperator<Source> reporting = h.sourceWrapper;
    h.sourceWrapper =
        s ->
            new OverwriteOnClose(
                reporting.apply(s),
                "a.txt",
                () -> {
                  awaitStored(key, 1000);
                  h.client.putObject(h.bucket, key, new ByteArrayInputStream(other));
                  overwritten.set(true);
                });
    TaskId id = h.dispatch(h.entries("a.txt"));
    // An answer with OSS's CRC-64 is the proof and no HEAD follows it: without one, the HEAD sees
    // what another writer put there in between.
    oss.faults().script(Operation.PutObject, FaultSpec.noCrc());

    TaskOutcome outcome = h.run(id);

    assertTrue(overwritten.get(), "the hook ran");
    if (expected == null) {
      assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
      assertEquals(AuditResult.OK, h.audit(id).get(0).result());
    } else {
      assertEquals(TaskStatus.FAILED, outcome.status());
      ErrorEntry error = outcome.errors().get(0);
      assertEquals(expected, error.reason());
      assertEquals(key, error.destination());
      assertEquals(EntryState.FAILED, h.progress(id).entry(0).state());
      assertEquals(expected, h.progress(id).entry(0).reason());
      assertTrue(h.eventText().contains(expected.name()), h.eventText());
    }
  }

  /** Waits until the emulator holds {@code key} with {@code size} bytes (the upload's commit). */
  private void awaitStored(String key, long size) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        Iterator<ObjectSummary> it = oss.store().list(h.bucket, key, true);
        if (it.hasNext()) {
          ObjectSummary s = it.next();
          if (s.key().equals(key) && s.size() == size) {
            return;
          }
        }
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    throw new IOException("the upload of " + key + " never arrived");
  }

  /** Runs an action once, when the worker closes its read of one object (its upload has ended). */
  private static final class OverwriteOnClose implements Source {
    interface Action {
      void run() throws IOException;
    }

    private final Source delegate;
    private final String reference;
    private final Action action;
    private final AtomicBoolean fired = new AtomicBoolean();

    OverwriteOnClose(Source delegate, String reference, Action action) {
      this.delegate = delegate;
      this.reference = reference;
      this.action = action;
    }

    @Override
    public Set<SourceFeature> features() {
      return delegate.features();
    }

    @Override
    public Listing list(String checkpoint, ListingListener listener) throws IOException {
      return delegate.list(checkpoint, listener);
    }

    @Override
    public InputStream open(String ref) throws IOException {
      return hook(ref, delegate.open(ref));
    }

    @Override
    public InputStream open(String ref, long offset, long length) throws IOException {
      return hook(ref, delegate.open(ref, offset, length));
    }

    @Override
    public ObjectStat stat(String ref) throws IOException {
      return delegate.stat(ref);
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }

    private InputStream hook(String ref, InputStream in) {
      if (!ref.equals(reference)) {
        return in;
      }
      return new FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          super.close();
          if (fired.compareAndSet(false, true)) {
            action.run();
          }
        }
      };
    }
  }
}
