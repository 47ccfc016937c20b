package io.ossimport.core.source.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.TransientSourceException;
import io.ossimport.core.testkit.UrlServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stat and open against a local web server that behaves like the servers lists point at. */
class HttpSourceReadTest {
  @TempDir Path temp;
  private UrlServer server;
  private HttpSource source;
  private byte[] content;
  private String url;

  @BeforeEach
  void setUp() throws IOException {
    server = new UrlServer();
    content = new byte[100_000];
    new Random(5).nextBytes(content);
    server.put("hz/a.bin", content).put("hz/empty", new byte[0]);
    url = server.base() + "hz/a.bin";
    source =
        new HttpSource(
            HttpSourceSettings.of(temp.resolve("unused.list"), 1, 2, "")
                .withTimeouts(2_000, 1_000));
  }

  @AfterEach
  void tearDown() throws IOException {
    source.close();
    server.close();
  }

  @Test
  void statIsAHeadGivingSizeModificationTimeAndType() throws IOException {
    ObjectStat stat = source.stat(url);

    assertEquals(content.length, stat.size());
    assertEquals(server.lastModified("hz/a.bin"), stat.lastModifiedMillis());
    assertEquals("application/octet-stream", stat.contentType());
    assertEquals(1, server.requests("HEAD"));
    assertEquals(0, server.requests("GET"));
  }

  @Test
  void withoutLastModifiedTheTimeIsZeroEveryTimeSoTheObjectDoesNotLookChanged() throws IOException {
    server.sendLastModified(false);

    ObjectStat first = source.stat(url);
    ObjectStat second = source.stat(url);

    assertEquals(0, first.lastModifiedMillis());
    assertEquals(first.size(), second.size());
    assertEquals(first.lastModifiedMillis(), second.lastModifiedMillis());
  }

  @Test
  void aServerRefusingHeadIsAskedForTheFirstByteAndTheSizeComesFromContentRange()
      throws IOException {
    server.refuseHead(true);

    assertEquals(content.length, source.stat(url).size());
    assertEquals(0, source.stat(server.base() + "hz/empty").size());
    server.ignoreRanges(true);
    assertEquals(content.length, source.stat(url).size(), "from Content-Length of a 200");
  }

  @Test
  void notFoundAndGoneAreMissingObjects() throws IOException {
    server.status("hz/gone", 410);

    assertFalse(source.stat(server.base() + "hz/none").exists());
    assertFalse(source.stat(server.base() + "hz/gone").exists());
    assertThrows(NoSuchFileException.class, () -> source.open(server.base() + "hz/none"));
  }

  @Test
  void serverErrorsMayPassAndOtherRefusalsAreFinal() {
    server.status("hz/busy", 503).status("hz/secret", 401);

    TransientSourceException busy =
        assertThrows(TransientSourceException.class, () -> source.stat(server.base() + "hz/busy"));
    assertTrue(busy.getMessage().contains("HTTP 503"), busy.getMessage());
    IOException secret =
        assertThrows(IOException.class, () -> source.open(server.base() + "hz/secret", 0, 5));
    assertFalse(secret instanceof TransientSourceException, secret.toString());
    assertTrue(secret.getMessage().contains("HTTP 401"), secret.getMessage());
  }

  @Test
  void aSlowServerTimesOutAsAFailureWorthAnotherAttempt() {
    server.delay("hz/", 4_000); // answers in the end: only a timeout makes these fail

    TransientSourceException stat =
        assertThrows(TransientSourceException.class, () -> source.stat(url));
    assertThrows(TransientSourceException.class, () -> source.open(url, 0, 10));

    assertTrue(stat.getMessage().contains("Read timed out"), stat.getMessage());
  }

  @Test
  void rangesAreReadWhetherTheServerHonoursThemOrSendsTheWholeObject() throws IOException {
    for (boolean ignore : new boolean[] {false, true}) {
      server.ignoreRanges(ignore);
      assertArrayEquals(content, readAll(source.open(url)), "whole, ignore=" + ignore);
      assertArrayEquals(
          Arrays.copyOfRange(content, 1000, 31_000),
          readAll(source.open(url, 1000, 30_000)),
          "middle, ignore=" + ignore);
      assertArrayEquals(
          Arrays.copyOfRange(content, 90_000, content.length),
          readAll(source.open(url, 90_000, 50_000)),
          "a range past the end ends early, ignore=" + ignore);
      assertEquals(0, readAll(source.open(url, content.length + 5, 10)).length);
    }
  }

  @Test
  void aBodyLeftHalfReadCanBeClosedAndTheNextRequestStillWorks() throws IOException {
    try (InputStream in = source.open(url)) {
      assertEquals(content[0] & 0xff, in.read());
    }
    assertArrayEquals(
        Arrays.copyOfRange(content, 10, 20), readAll(source.open(url, 10, 10)), "after an abort");
  }

  @Test
  void headsFullyReadBodiesAndFirstByteLookupsReuseOneConnection() throws IOException {
    for (int i = 0; i < 5; i++) {
      source.stat(url);
      assertEquals(1000, readAll(source.open(url, i * 1000L, 1000)).length);
    }
    server.refuseHead(true);
    source.stat(url);
    source.stat(url);

    assertEquals(1, server.connections(), "one kept-alive connection for one host");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (InputStream s = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
