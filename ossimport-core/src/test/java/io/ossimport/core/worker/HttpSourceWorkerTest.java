package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.http.HttpSource;
import io.ossimport.core.source.http.HttpSourceSettings;
import io.ossimport.core.testing.ProxyProcess;
import io.ossimport.core.testkit.UrlServer;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real worker reading URLs from a local web server into the emulator. */
@ExtendWith(OssEmulatorExtension.class)
class HttpSourceWorkerTest {
  OssEmulator oss;
  @TempDir Path temp;
  private WorkerHarness h;
  private UrlServer web;
  private Path list;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    web = new UrlServer();
    list = temp.resolve("http.list");
    h.jobKeys.remove("srcPrefix");
    h.jobKeys.put("srcType", "http");
    h.jobKeys.put("httpListFilePath", list.toString());
    HttpSourceSettings settings =
        HttpSourceSettings.of(list, 1, 2, WorkerHarness.DEST_PREFIX).withTimeouts(2_000, 1_000);
    h.sourceWrapper =
        fromConfig -> {
          closeQuietly(fromConfig);
          return new HttpSource(settings);
        };
  }

  @AfterEach
  void tearDown() {
    web.close();
    h.close();
  }

  @Test
  void smallAndLargeObjectsArriveWholeFromAServerIgnoringRangesWithoutLastModified()
      throws Exception {
    byte[] small = WorkerHarness.bytes(70_000, 1);
    byte[] large = WorkerHarness.bytes(1_500_000, 2); // above the 1m threshold: 300k parts
    web.put("hz/small.bin", small).put("bj/d/large.bin", large);
    web.ignoreRanges(true).sendLastModified(false);
    TaskId id =
        h.dispatch(entries(web.base() + "hz/ small.bin\n" + web.base() + "bj/ d/large.bin\n"));

    TaskOutcome outcome = h.run(id);

    assertTrue(outcome.errors().isEmpty(), outcome + "\n" + h.eventText());
    h.assertStored("small.bin", small);
    h.assertStored("d/large.bin", large);
  }

  @Test
  void missingUrlsAndBadRowsAreRecordedFailuresAndTheRestArrives() throws Exception {
    byte[] ok = WorkerHarness.bytes(5_000, 3);
    web.put("hz/ok.bin", ok);
    TaskId id =
        h.dispatch(
            entries(
                web.base()
                    + "hz/ ok.bin\n"
                    + web.base()
                    + "hz/ missing.bin\n"
                    + web.base()
                    + "hz/only-one-column.bin\n"));

    TaskOutcome outcome = h.run(id);

    h.assertStored("ok.bin", ok);
    Map<ReasonCode, String> errors = new EnumMap<>(ReasonCode.class);
    for (ErrorEntry e : outcome.errors()) {
      errors.put(e.reason(), e.source());
    }
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(web.base() + "hz/missing.bin", errors.get(ReasonCode.SOURCE_NOT_FOUND));
    String bad = errors.get(ReasonCode.BAD_LIST_ROW);
    assertTrue(bad.startsWith("line 3: the row has 1 column"), bad);
    assertTrue(h.eventText().contains("line 3"), h.eventText());
  }

  @Test
  void aSlowServerIsTriedAgainThenRecordedAsASourceReadError() throws Exception {
    web.put("slow/a.bin", new byte[10]).delay("slow/", 5_000);
    TaskId id = h.dispatch(entries(web.base() + "slow/ a.bin\n"));

    TaskOutcome outcome = h.run(id);

    assertEquals(1, outcome.errors().size(), outcome.toString());
    assertEquals(ReasonCode.SOURCE_READ_ERROR, outcome.errors().get(0).reason());
    List<AuditRecord> audit = h.audit(id);
    long retries = audit.stream().filter(r -> r.result() == AuditResult.RETRY).count();
    assertEquals(h.backoff.maxAttempts() - 1, retries, audit.toString());
    assertEquals(AuditResult.FAILED, audit.get(audit.size() - 1).result());
    assertTrue(h.eventText().contains("timed out"), h.eventText());
  }

  /** The TASK entries the master would cut from {@code rows}. */
  @Test
  void theUrlsAreFetchedThroughTheProxyWithItsCredentials() throws Exception {
    byte[] content = WorkerHarness.bytes(5_000, 3);
    web.put("hz/a.bin", content);
    TaskId id = h.dispatch(entries(web.base() + "hz/ a.bin\n"));
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "pw-http-1")) {
      h.jobKeys.put("proxy", proxy.url());
      h.jobKeys.put("proxyUser", "mover");
      h.jobKeys.put("proxyPassword", "pw-http-1");
      h.sourceWrapper = UnaryOperator.identity(); // the source the job's keys make

      TaskOutcome outcome = h.run(id);

      assertTrue(outcome.errors().isEmpty(), outcome + "\n" + h.eventText());
      h.assertStored("a.bin", content);
      long uploads = h.requests(Operation.PutObject);
      assertTrue(
          proxy.forwarded() > uploads,
          proxy.forwarded() + " forwarded: the source's requests and the " + uploads + " uploads");
    }
  }

  private List<TaskEntry> entries(String rows) throws Exception {
    Files.write(list, rows.getBytes(StandardCharsets.UTF_8));
    List<TaskEntry> entries = new ArrayList<>();
    try (HttpSource source =
            new HttpSource(HttpSourceSettings.of(list, 1, 2, WorkerHarness.DEST_PREFIX));
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      for (SourceObject o = listing.next(); o != null; o = listing.next()) {
        entries.add(
            TaskEntry.of(
                o.reference(),
                WorkerHarness.DEST_PREFIX + o.destinationName(),
                o.size(),
                o.lastModifiedMillis()));
      }
    }
    return entries;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
