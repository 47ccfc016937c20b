package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.SourceFailureException;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.local.LocalSource;
import io.ossimport.core.source.local.LocalSourceSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request body reads its range and refuses to hand out the end of a source that changed. */
class SourceBodyTest {
  @TempDir Path root;
  Source source;
  byte[] data;
  ObjectStat stat;

  @BeforeEach
  void setUp() throws Exception {
    source = new LocalSource(LocalSourceSettings.builder(root).build());
    data = WorkerHarness.bytes(10_000, 1);
    Files.write(root.resolve("f"), data);
    stat = source.stat("f");
  }

  SourceBody body(long offset, long length) {
    return new SourceBody(source, "f", offset, length, stat, ThroughputLimiter.UNLIMITED);
  }

  @Test
  void countsEachByteOnceAndTakesAFailedRequestsBytesBack() throws Exception {
    AtomicLong sent = new AtomicLong();
    try (SourceBody b =
        new SourceBody(source, "f", 0, 4000, stat, ThroughputLimiter.UNLIMITED, sent)) {
      b.mark(4000);
      b.read(new byte[1000], 0, 1000);
      assertEquals(1000, sent.get());
      b.reset();
      b.read(new byte[1000], 0, 1000);
      assertEquals(1000, sent.get(), "bytes read again after a reset count once");
    }
    assertEquals(0, sent.get(), "closed without sent(): the request failed");
    try (SourceBody b =
        new SourceBody(source, "f", 0, 4000, stat, ThroughputLimiter.UNLIMITED, sent)) {
      b.read(new byte[500], 0, 500);
      b.sent();
    }
    assertEquals(4000, sent.get(), "OSS has the range: all of it counts");
  }

  @Test
  void readsExactlyItsRange() throws Exception {
    try (SourceBody b = body(1000, 3000)) {
      assertArrayEquals(Arrays.copyOfRange(data, 1000, 4000), WorkerHarness.readAll(b));
    }
  }

  @Test
  void aGrownSourceFailsBeforeItsLastChunkIsHandedOut() throws Exception {
    ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    try (SourceBody b = body(0, data.length)) {
      byte[] buf = new byte[1000];
      delivered.write(buf, 0, b.read(buf));
      Files.write(root.resolve("f"), new byte[] {9}, StandardOpenOption.APPEND);
      SourceFailureException e =
          assertThrows(
              SourceFailureException.class,
              () -> {
                for (int n = b.read(buf); n >= 0; n = b.read(buf)) {
                  delivered.write(buf, 0, n);
                }
              });
      assertEquals(ReasonCode.SIZE_NOT_MATCH, e.reason());
    }
    assertEquals(9000, delivered.size(), "the last chunk never left");
  }

  @Test
  void aTruncatedSourceFailsAsSizeNotMatch() throws Exception {
    try (SourceBody b = body(0, data.length)) {
      Files.write(root.resolve("f"), Arrays.copyOf(data, 5000));
      SourceFailureException e =
          assertThrows(SourceFailureException.class, () -> WorkerHarness.readAll(b));
      assertEquals(ReasonCode.SIZE_NOT_MATCH, e.reason());
    }
  }

  @Test
  void aDeletedSourceFailsAsSourceNotFound() throws Exception {
    Files.delete(root.resolve("f"));
    try (SourceBody b = body(0, data.length)) {
      SourceFailureException e =
          assertThrows(SourceFailureException.class, () -> WorkerHarness.readAll(b));
      assertEquals(ReasonCode.SOURCE_NOT_FOUND, e.reason());
    }
  }

  @Test
  void resetReadsAgainFromTheMarkWithoutBuffering() throws Exception {
    try (SourceBody b = body(2000, 4000)) {
      assertTrue(b.markSupported());
      byte[] first = new byte[1500];
      assertEquals(1500, b.read(first));
      b.mark(0);
      byte[] rest = WorkerHarness.readAll(b);
      b.reset();
      assertArrayEquals(rest, WorkerHarness.readAll(b));
      assertArrayEquals(Arrays.copyOfRange(data, 3500, 6000), rest);
    }
  }

  @Test
  void anEmptyRangeEndsAtOnce() throws Exception {
    try (SourceBody b = body(0, 0)) {
      assertEquals(-1, b.read(new byte[10]));
    }
  }
}
