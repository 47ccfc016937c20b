package io.ossimport.core.source.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.core.config.NetworkSettings;
import io.ossimport.core.config.Secret;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.fanout.FanOutCounts;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OssListing}'s prefix fan-out against the emulator: exactly the keys and order of a flat
 * sequential ListObjects, from the start and from checkpoints, over a tree whose keys sort around
 * '/' ({@code a-b} and {@code a.c} before {@code a/}, {@code a0} after it) and above U+FFFF.
 */
@ExtendWith(OssEmulatorExtension.class)
class OssListingFanOutTest {
  private static final String BUCKET = "fan-out";
  private static final String PREFIX = "t/";

  /** Small odd pages: prefixes and the roll-up span many pages and end inside them. */
  private static final int PAGE_SIZE = 7;

  OssEmulator oss;
  private OSS client;

  @BeforeEach
  void setUp() throws Exception {
    oss.createBucketIfMissing(BUCKET);
    client = new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    if (!client.listObjects(BUCKET).getObjectSummaries().isEmpty()) {
      return; // the emulator of this class already holds the tree
    }
    for (String key : tree()) {
      client.putObject(BUCKET, key, new ByteArrayInputStream(new byte[0]));
    }
    client.putObject(BUCKET, "t0/outside", new ByteArrayInputStream(new byte[0]));
    client.putObject(BUCKET, "s/outside", new ByteArrayInputStream(new byte[0]));
  }

  @AfterEach
  void tearDown() {
    client.shutdown();
  }

  /** Keys under {@link #PREFIX}: some directly under it, many prefixes of very different sizes. */
  private static List<String> tree() {
    List<String> keys = new ArrayList<>();
    keys.add("t/"); // the folder object of srcPrefix: left out
    for (String direct : new String[] {"a", "a-b", "a.c", "a0", "zz", "\uFFFD", "b"}) {
      keys.add(PREFIX + direct);
    }
    for (int i = 0; i < 30; i++) {
      keys.add(PREFIX + String.format("d%03d", i)); // more direct keys than a page
    }
    many(keys, "t/a-b/", 250);
    many(keys, "t/a/", 600);
    many(keys, "t/a/x/", 100); // nested: inside the common prefix t/a/
    many(keys, "t/a0/", 5);
    for (String k : new String[] {"k-1", "k/1", "k.1", "k01", "k", "k/"}) {
      keys.add("t/b/" + k); // keys of one prefix sorting around '/'
    }
    many(keys, "t/b/", 1200);
    keys.add("t/empty/"); // a prefix holding only its folder object
    keys.add("t/c/only");
    many(keys, "t/\uD83D\uDE00/", 20); // above U+FFFF: after t/\uFFFD in UTF-8 order
    keys.add("t//leading-slash");
    for (int p = 0; p < 12; p++) {
      many(keys, String.format("t/p%02d/", p), 60);
    }
    return keys;
  }

  private static void many(List<String> keys, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      keys.add(prefix + "k" + i);
    }
  }

  @Test
  void listsExactlyTheKeysAndOrderOfAFlatSequentialListing() throws Exception {
    List<String> flat = flatListing();
    List<String> sorted = new ArrayList<>(flat);
    Collections.sort(sorted, ListedPage.KEY_ORDER);
    assertEquals(sorted, flat, "the emulator lists in UTF-8 order");
    assertEquals(tree().size() - 1, flat.size());
    assertTrue(flat.indexOf("a-b/k0") < flat.indexOf("a/k0"), "a-b/ sorts before a/");
    assertTrue(flat.indexOf("a.c") < flat.indexOf("a/k0"), "a.c sorts before a/");
    assertTrue(flat.indexOf("a/x/k99") < flat.indexOf("a0"), "a0 sorts after a/");

    oss.counters().reset();
    List<String> listed =
        OssSourceTest.references(
            OssSourceTest.listAll(source().list(null, ListingListener.IGNORE)));

    assertEquals(flat, listed);
    FanOutCounts.assertFannedOut(oss.counters(), Operation.ListObjects, 1, 20);
  }

  @Test
  void aResumedListingYieldsExactlyWhatWasNotConsumed() throws Exception {
    List<String> flat = flatListing();
    List<String> checkpoints = new ArrayList<>();
    try (Listing l = source().list(null, ListingListener.IGNORE)) {
      checkpoints.add(l.checkpoint());
      while (l.next() != null) {
        checkpoints.add(l.checkpoint());
      }
    }
    assertEquals(flat.size() + 1, checkpoints.size());

    TreeSet<Integer> from = new TreeSet<>();
    from.add(0);
    from.add(1);
    from.add(flat.size() - 1);
    from.add(flat.size());
    for (int i = 1; i < flat.size(); i++) {
      if (!top(flat.get(i)).equals(top(flat.get(i - 1)))) {
        from.add(i); // resumed right after the last key of a prefix or a direct key
        from.add(i - 1); // one before: inside the prefix, or after the previous entry
      }
    }
    from.add(flat.indexOf("b/k600")); // the middle of a big prefix
    from.add(flat.indexOf("b/k/1") + 1);
    int resumes = 0;
    for (int consumed : from) {
      if (consumed % 3 != 0 && consumed > 2 && consumed < flat.size() - 2) {
        continue; // keep the test short: a third of the boundaries, all edges
      }
      List<String> rest =
          OssSourceTest.references(
              OssSourceTest.listAll(
                  source().list(checkpoints.get(consumed), ListingListener.IGNORE)));
      assertEquals(
          flat.subList(consumed, flat.size()),
          rest,
          "resumed after " + consumed + " from " + checkpoints.get(consumed));
      resumes++;
    }
    assertTrue(resumes >= 10, "resumed from " + resumes + " checkpoints");
  }

  @Test
  void aListingClosedEarlyLeavesACheckpointThatResumes() throws Exception {
    List<String> flat = flatListing();
    String checkpoint;
    try (Listing l = source().list(null, ListingListener.IGNORE)) {
      for (int i = 0; i < 300; i++) {
        l.next();
      }
      l.peek();
      checkpoint = l.checkpoint();
    }
    List<String> rest =
        OssSourceTest.references(
            OssSourceTest.listAll(source().list(checkpoint, ListingListener.IGNORE)));
    assertEquals(flat.subList(300, flat.size()), rest);
  }

  /** The top-level entry of a reference: its common prefix, or itself if directly under. */
  private static String top(String reference) {
    int slash = reference.indexOf('/');
    return slash < 0 ? reference : reference.substring(0, slash + 1);
  }

  /** References of a plain ListObjects without delimiter, page after page. */
  private List<String> flatListing() throws Exception {
    List<String> refs = new ArrayList<>();
    String marker = null;
    while (true) {
      ListObjectsRequest r = new ListObjectsRequest(BUCKET, PREFIX, marker, null, 1000);
      r.setEncodingType("url");
      ObjectListing page = client.listObjects(r);
      for (OSSObjectSummary s : page.getObjectSummaries()) {
        String key = URLDecoder.decode(s.getKey(), "UTF-8");
        if (!key.equals(PREFIX)) {
          refs.add(key.substring(PREFIX.length()));
        }
      }
      if (!page.isTruncated()) {
        return refs;
      }
      marker = URLDecoder.decode(page.getNextMarker(), "UTF-8");
    }
  }

  private OssSource source() {
    OSS c =
        OssClients.create(
            oss.endpoint(),
            oss.accessKeyId(),
            Secret.of(oss.secretAccessKey()),
            NetworkSettings.direct(),
            8);
    return new OssSource(
        c, OssSourceSettings.of(oss.endpoint(), BUCKET, PREFIX, "", 0).withPageSize(PAGE_SIZE));
  }
}
