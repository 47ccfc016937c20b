package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.KeyOrder;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.fanout.FanOutCounts;
import io.ossimport.core.testing.ProxyProcess;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 source contract against the project's emulator (its path-style S3 dialect, SigV4), and
 * what only the emulator shows: the listing's prefix fan-out (its counted delimited ListObjectsV2
 * requests, requests in flight at once, injected failures, the threads a closed listing ends).
 */
class S3SourceOnEmulatorTest extends S3SourceContract {
  private static OssEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    emulator = OssEmulator.builder().inMemory().build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    emulator.close();
  }

  /** Small odd pages: prefixes and the roll-up span several pages and end inside them. */
  private static final int FAN_OUT_PAGE = 3;

  @AfterEach
  void clearFaults() {
    emulator.faults().clear();
  }

  @Override
  URI endpoint() {
    return emulator.url();
  }

  @Override
  String accessKey() {
    return emulator.accessKeyId();
  }

  @Override
  String secret() {
    return emulator.secretAccessKey();
  }

  @Test
  void listingAndReadingGoThroughTheProxyWithItsCredentials() throws Exception {
    put("via/a.txt", "through the proxy".getBytes(StandardCharsets.UTF_8));
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "pw-s3-1")) {
      S3Location location =
          S3Endpoints.resolve(S3Flavor.S3, endpoint().toString(), bucket, "via/", 0);
      try (S3Source source =
          new S3Source(
              S3SourceSettings.builder(S3Flavor.S3, location, endpoint().toString())
                  .credentials(accessKey(), secret())
                  .network(proxy.sourceNetwork())
                  .build())) {
        List<String> listed = references(drain(source.list(null, ListingListener.IGNORE, 10)));
        assertEquals(1, listed.size(), listed.toString());
        try (InputStream in = source.open(listed.get(0))) {
          assertEquals("through the proxy", new String(readAllBytes(in), StandardCharsets.UTF_8));
        }
      }
      assertTrue(proxy.forwarded() >= 2, proxy.forwarded() + " forwarded");
    }
  }

  @Test
  void aFannedOutListingYieldsExactlyTheKeysAndOrderOfAFlatListing() throws Exception {
    List<String> expected = putFanOutTree();
    assertEquals(expected, flatListing("t/"), "the emulator lists in UTF-8 order");
    assertTrue(expected.indexOf("a-b/k0") < expected.indexOf("a/k0"), "a-b/ sorts before a/");
    assertTrue(expected.indexOf("a.c") < expected.indexOf("a/"), "a.c sorts before a/");
    assertTrue(expected.indexOf("a/x/k1") < expected.indexOf("a0"), "a0 sorts after a/");
    assertTrue(
        expected.indexOf("\uFFFD") < expected.indexOf("\uD83D\uDE00/k0"),
        "U+FFFD before U+1F600 in UTF-8, unlike String.compareTo");
    emulator.counters().reset();

    List<String> listed;
    try (S3Source source = source("t/")) {
      listed = references(drain(source.list(null, ListingListener.IGNORE, FAN_OUT_PAGE)));
    }

    assertEquals(expected, listed);
    FanOutCounts.assertFannedOut(emulator.counters(), Operation.ListObjectsV2, 2, 16);
  }

  @Test
  void aResumedFannedOutListingYieldsExactlyWhatWasNotConsumed() throws Exception {
    List<String> expected = putFanOutTree();
    List<String> checkpoints = new ArrayList<String>();
    try (S3Source source = source("t/");
        Listing l = source.list(null, ListingListener.IGNORE, FAN_OUT_PAGE)) {
      checkpoints.add(l.checkpoint());
      while (l.next() != null) {
        checkpoints.add(l.checkpoint());
      }
    }
    assertEquals(expected.size() + 1, checkpoints.size());

    TreeSet<Integer> from = new TreeSet<Integer>();
    for (int i = 0; i <= expected.size(); i += 4) {
      from.add(i);
    }
    from.add(expected.size());
    from.add(expected.indexOf("a/k4")); // in the middle of a prefix, inside a page
    from.add(expected.indexOf("a/x/k0")); // between a prefix's keys and its nested prefix
    from.add(expected.indexOf("a-b/k5") + 1); // between two prefixes: a-b/ done, a.c next
    from.add(expected.indexOf("b/k/") + 1); // after a key equal to a nested prefix
    from.add(expected.indexOf("p03/k0")); // between two prefixes: p02/ done, p03/ next
    try (S3Source source = source("t/")) {
      for (int consumed : from) {
        List<String> rest =
            references(
                drain(
                    source.list(checkpoints.get(consumed), ListingListener.IGNORE, FAN_OUT_PAGE)));
        assertEquals(
            expected.subList(consumed, expected.size()),
            rest,
            "resumed after " + consumed + " from " + checkpoints.get(consumed));
      }
    }
  }

  @Test
  void commonPrefixesAreListedConcurrently() throws Exception {
    for (int p = 0; p < 6; p++) {
      put("c/p" + p + "/k", new byte[] {1});
    }
    emulator.faults().always(Operation.ListObjectsV2, FaultSpec.latency(150));
    emulator.counters().reset();

    List<String> listed;
    try (S3Source source = source("c/")) {
      listed = references(drain(source.list(null, ListingListener.IGNORE, FAN_OUT_PAGE)));
    }

    assertEquals(6, listed.size(), listed.toString());
    long maxInFlight = emulator.counters().maxInFlight();
    assertTrue(maxInFlight >= 2, "prefixes fetched at once: " + maxInFlight);
  }

  @Test
  void aCommonPrefixThatCannotBeListedFailsTheListingWithTheSourceAndPrefixNamed()
      throws Exception {
    put("f/sub/a", new byte[] {1});
    put("f/x", new byte[] {2});
    try (S3Source source = source("f/");
        Listing listing = source.list(null, ListingListener.IGNORE, FAN_OUT_PAGE)) {
      // the roll-up at '/' is listed; the prefix f/sub/ is listed (in the background) from next()
      emulator.faults().always(Operation.ListObjectsV2, FaultSpec.error(403, "AccessDenied"));

      IOException e = assertThrows(IOException.class, listing::next);

      String m = e.getMessage();
      assertTrue(m.contains("srcBucket=" + bucket), m);
      assertTrue(m.contains("listing prefix 'f/sub/'") && m.contains("AccessDenied"), m);
      assertTrue(m.contains("check srcAccessKey and srcSecretKey"), m);
      assertThrows(IOException.class, listing::next, "the failure stays");
      assertEquals(S3Checkpoint.write(null), listing.checkpoint(), "nothing consumed");
    }
  }

  @Test
  void closingAListingEndsItsBackgroundThreadsAndRequests() throws Exception {
    for (int p = 0; p < 8; p++) {
      for (int k = 0; k < 12; k++) {
        put("z/p" + p + "/k" + k, new byte[] {1});
      }
    }
    try (S3Source source = source("z/")) {
      Listing listing = source.list(null, ListingListener.IGNORE, 2);
      assertEquals("p0/k0", listing.next().reference());
      assertTrue(listingThreads() > 0, "prefixes are being listed ahead");

      listing.close();

      long deadline = System.currentTimeMillis() + 10_000;
      while (listingThreads() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, listingThreads(), "listing threads left after close");
      long requests = emulator.counters().get(Operation.ListObjectsV2);
      Thread.sleep(300);
      assertEquals(requests, emulator.counters().get(Operation.ListObjectsV2), "no more requests");
      assertEquals(null, listing.next(), "a closed listing is over");
    }
  }

  /**
   * A store that ignores {@code encoding-type} answers with literal keys and no EncodingType
   * element: the SDK then decodes nothing, and keys with '%', '+', ' ' and multibyte UTF-8 are
   * listed, resumed and read as they are. (Keys with control characters such a store cannot list at
   * all: its XML cannot carry them.)
   */
  @Test
  void aStoreThatIgnoresEncodingTypeIsListedResumedAndReadWithItsLiteralKeys() throws Exception {
    List<String> expected = new ArrayList<String>();
    for (String reference : AWKWARD) {
      if (!hasControlCharacter(reference)) {
        expected.add(reference);
      }
    }
    Collections.sort(expected, KeyOrder.UTF8);
    try (OssEmulator ignoring = OssEmulator.builder().s3IgnoresEncodingType(true).build().start();
        S3Objects objects =
            new S3Objects(
                ignoring.url(), ignoring.accessKeyId(), ignoring.secretAccessKey(), "ignores")) {
      for (String reference : expected) {
        objects.put("odd/" + reference, 10 + reference.length());
      }
      try (S3Source source =
          source(
              ignoring.url(),
              ignoring.accessKeyId(),
              ignoring.secretAccessKey(),
              objects.bucket,
              "odd/")) {
        List<String> all =
            references(drain(source.list(null, ListingListener.IGNORE, FAN_OUT_PAGE)));

        assertEquals(expected, all);
        assertResumesFromEveryCheckpoint(source, all, FAN_OUT_PAGE);
        for (String reference : all) {
          assertArrayEquals(objects.byKey.get("odd/" + reference), read(source.open(reference)));
        }
      }
    }
  }

  /**
   * A key with a control character on a store that ignores encoding-type: its page is not XML 1.0
   * and cannot be parsed. The listing fails saying so (not "cannot reach"), naming the fix.
   */
  @Test
  void aPageThatIsNotXmlFailsTheListingSayingSoAndWhy() throws Exception {
    try (OssEmulator ignoring = OssEmulator.builder().s3IgnoresEncodingType(true).build().start();
        S3Objects objects =
            new S3Objects(
                ignoring.url(), ignoring.accessKeyId(), ignoring.secretAccessKey(), "not-xml");
        S3Source source =
            source(
                ignoring.url(),
                ignoring.accessKeyId(),
                ignoring.secretAccessKey(),
                objects.bucket,
                "")) {
      objects.put("a\u0001b", 1);

      IOException e =
          assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE, 10));

      String m = e.getMessage();
      assertTrue(m.contains("srcBucket=" + objects.bucket) && m.contains("listing prefix ''"), m);
      assertTrue(m.contains("could not be parsed as XML"), m);
      assertTrue(m.contains("encoding-type=url"), m);
      assertFalse(m.contains("cannot reach"), m);
    }
  }

  static boolean hasControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20 && s.charAt(i) != '\t') {
        return true;
      }
    }
    return false;
  }

  private static int listingThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().equals("ossimport-s3-listing")) {
        n++;
      }
    }
    return n;
  }

  /**
   * Puts keys under {@code t/} that sort around '/' ({@code a-b} and {@code a.c} before {@code a/},
   * {@code a0} after it), keys equal to a prefix, multibyte UTF-8 up to 4 bytes, prefixes of very
   * different sizes, and keys outside {@code t/}; returns the references expected, in UTF-8 order
   * (the prefix's own folder marker {@code t/} is left out).
   */
  private List<String> putFanOutTree() {
    List<String> refs = new ArrayList<String>();
    for (String direct : new String[] {"a", "a-b", "a.c", "a0", "zz", "\uFFFD", "b", "\u00e9"}) {
      refs.add(direct);
    }
    many(refs, "a-b/", 6);
    many(refs, "a/", 7);
    refs.add("a/"); // a key equal to a common prefix of the roll-up
    many(refs, "a/x/", 2); // nested: inside the common prefix a/
    many(refs, "a0/", 2);
    for (String k : new String[] {"k-1", "k/1", "k.1", "k01", "k", "k/"}) {
      refs.add("b/" + k); // keys of one prefix sorting around '/'
    }
    refs.add("empty/"); // a prefix holding only its folder object
    many(refs, "\u00fc/", 2); // 2 bytes of UTF-8
    many(refs, "\u4e2d\u6587/", 3); // 3 bytes
    many(refs, "\uD83D\uDE00/", 4); // 4 bytes: after U+FFFD in UTF-8 order
    refs.add("/leading-slash");
    for (int p = 0; p < 8; p++) {
      many(refs, String.format("p%02d/", p), 3);
    }
    put("t/", new byte[0]); // the folder object of srcPrefix: left out
    for (String r : refs) {
      put("t/" + r, new byte[] {1});
    }
    put("t0/outside", new byte[] {2});
    put("s/outside", new byte[] {3});
    Collections.sort(refs, KeyOrder.UTF8);
    return refs;
  }

  private static void many(List<String> refs, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      refs.add(prefix + "k" + i);
    }
  }

  /** References under {@code prefix} by a plain ListObjectsV2 without delimiter, page by page. */
  private List<String> flatListing(String prefix) {
    List<String> refs = new ArrayList<String>();
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page =
          admin.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(7).continuationToken(t));
      for (S3Object o : page.contents()) {
        if (!o.key().equals(prefix)) {
          refs.add(o.key().substring(prefix.length()));
        }
      }
      token = page.nextContinuationToken();
    } while (token != null);
    return refs;
  }

  private static byte[] readAllBytes(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[8192];
    for (int n; (n = in.read(b)) > 0; ) {
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }
}
