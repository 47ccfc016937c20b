package io.ossimport.core.source.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.config.NetworkSettings;
import io.ossimport.core.config.Secret;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.oss.SourceFailureException;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SourceObject;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OssSource} against the emulator: listing, resume, ranged reads, stat, failures. */
@ExtendWith(OssEmulatorExtension.class)
class OssSourceTest {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  OssEmulator oss;
  private OSS client;
  private String bucket;

  @BeforeEach
  void setUp() throws Exception {
    bucket = "source-" + BUCKETS.incrementAndGet();
    oss.createBucket(bucket);
    client = new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
  }

  @AfterEach
  void tearDown() {
    client.shutdown();
  }

  @Test
  void listsEveryObjectUnderThePrefixByItsReferenceIncludingDirectoryMarkers() throws Exception {
    put("data/", 0); // the prefix's own folder object: nothing to copy
    put("data/a.txt", 10);
    put("data/empty-folder/", 0);
    put("data/sub/b.bin", 20);
    put("data//leading-slash", 5);
    put("database.txt", 7); // shares the letters, not the prefix
    put("other/c.txt", 3);

    List<SourceObject> listed = listAll(source("data/", "").list(null, ListingListener.IGNORE));

    assertEquals(
        Arrays.asList("/leading-slash", "a.txt", "empty-folder/", "sub/b.bin"), references(listed));
    SourceObject invalid = listed.get(0);
    assertFalse(invalid.isKeyValid(), "destPrefix + '/leading-slash' starts with '/'");
    assertTrue(invalid.invalidKeyReason().contains("must not start with"), invalid.toString());
    assertEquals(20, listed.get(3).size());
    assertEquals(0, listed.get(3).lastModifiedMillis() % 1000, "whole seconds, like HEAD");
    assertTrue(listed.get(2).isKeyValid());
  }

  @Test
  void aResumedListingYieldsExactlyWhatWasNotConsumedFromEveryCheckpoint() throws Exception {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String ref = "k" + (char) ('a' + i) + "/" + i;
      put("p/" + ref, i + 1);
      all.add(ref);
    }
    OssSource source = source("p/", "dest/", 3); // pages of 3: checkpoints inside and at edges
    for (int consumed = 0; consumed <= all.size(); consumed++) {
      String checkpoint;
      List<String> first = new ArrayList<>();
      try (Listing l = source.list(null, ListingListener.IGNORE)) {
        for (int i = 0; i < consumed; i++) {
          l.peek(); // peeking never consumes
          first.add(l.next().reference());
        }
        l.peek();
        checkpoint = l.checkpoint();
      }
      List<String> rest = references(listAll(source.list(checkpoint, ListingListener.IGNORE)));
      List<String> together = new ArrayList<>(first);
      together.addAll(rest);
      assertEquals(all, together, "resumed after " + consumed + " objects from " + checkpoint);
    }
  }

  @Test
  void aCheckpointOfAnotherPrefixIsRefused() throws Exception {
    put("p/one", 1);
    String checkpoint;
    try (Listing l = source("p/", "").list(null, ListingListener.IGNORE)) {
      l.next();
      checkpoint = l.checkpoint();
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> source("q/", "").list(checkpoint, ListingListener.IGNORE));
    assertTrue(e.getMessage().contains("srcPrefix 'q/'"), e.getMessage());
  }

  @Test
  void importSinceListsOlderObjectsTooForTheWorkerToSkipAndCount() throws Exception {
    put("t/old", 1);
    long future = System.currentTimeMillis() / 1000 + 3600;
    OssSource recentOnly =
        new OssSource(newClient(), OssSourceSettings.of(oss.endpoint(), bucket, "t/", "", future));
    assertEquals(1, listAll(recentOnly.list(null, ListingListener.IGNORE)).size());
    assertEquals(1, listAll(source("t/", "").list(null, ListingListener.IGNORE)).size());
  }

  @Test
  void aRangedOpenReadsExactlyThatRangeAndNothingPastTheEnd() throws Exception {
    byte[] content = put("r/blob", 1000);
    OssSource source = source("r/", "");
    oss.counters().reset();

    assertArrayEquals(Arrays.copyOfRange(content, 100, 350), read(source.open("blob", 100, 250)));
    assertArrayEquals(Arrays.copyOfRange(content, 900, 1000), read(source.open("blob", 900, 500)));
    assertEquals(0, read(source.open("blob", 1000, 10)).length, "starts past the end");
    assertEquals(0, read(source.open("blob", 5, 0)).length);
    assertArrayEquals(content, read(source.open("blob")));
    assertEquals(4, oss.counters().get(Operation.GetObject), "a zero-length range sends nothing");
  }

  @Test
  void closingAStreamHalfWayLeavesTheSourceUsable() throws Exception {
    byte[] content = put("r/big", 300_000);
    OssSource source = source("r/", "");
    try (InputStream in = source.open("big", 0, content.length)) {
      assertEquals(content[0] & 0xff, in.read());
    }
    assertArrayEquals(content, read(source.open("big", 0, content.length)));
  }

  @Test
  void statTellsSizeTimeTypeMetadataAndCrcButNoMd5FromAnEtag() throws Exception {
    byte[] content = randomBytes(4321);
    ObjectMetadata meta = new ObjectMetadata();
    meta.setContentType("text/x-special");
    meta.addUserMetadata("Author", "ada");
    meta.addUserMetadata("project", "migration");
    client.putObject(bucket, "s/doc", new ByteArrayInputStream(content), meta);

    ObjectStat stat = source("s/", "").stat("doc");

    assertTrue(stat.exists());
    assertEquals(content.length, stat.size());
    long headMillis = client.getObjectMetadata(bucket, "s/doc").getLastModified().getTime();
    assertEquals(headMillis, stat.lastModifiedMillis());
    assertEquals("text/x-special", stat.contentType());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("author", "ada");
    expected.put("project", "migration");
    assertEquals(expected, stat.userMetadata());
    assertEquals(Long.valueOf(crc64(content)), stat.crc64());
    assertNull(stat.md5Hex(), "the emulator's HEAD sends no Content-MD5, and an ETag is no MD5");
    assertFalse(source("s/", "").stat("nothing-here").exists());
  }

  @Test
  void anMd5IsTakenOnlyFromAWellFormedContentMd5() {
    assertEquals("1b2cf535f27731c974343645a3985328", StatReader.md5Hex("Gyz1NfJ3Mcl0NDZFo5hTKA=="));
    assertNull(StatReader.md5Hex(null));
    assertNull(StatReader.md5Hex("not base64!"));
    assertNull(StatReader.md5Hex("AAAA"), "3 bytes are not an MD5");
  }

  @Test
  void aListingRequestThatIsThrottledIsSentAgain() throws Exception {
    put("l/one", 1);
    oss.faults().script(Operation.ListObjects, FaultSpec.serviceUnavailable());

    List<SourceObject> listed = listAll(source("l/", "").list(null, ListingListener.IGNORE));

    assertEquals(Arrays.asList("one"), references(listed));
    assertEquals(2, oss.counters().get(Operation.ListObjects));
  }

  @Test
  void aLaterPageThatCannotBeListedFailsNextWithTheBucketNamed() throws Exception {
    put("l/one", 1);
    put("l/two", 2);
    try (Listing listing = source("l/", "", 1).list(null, ListingListener.IGNORE)) {
      assertEquals("one", listing.next().reference());
      oss.faults().always(Operation.ListObjects, FaultSpec.error(403, "AccessDenied"));

      IOException e = assertThrows(IOException.class, listing::next);

      assertTrue(e.getMessage().contains("srcBucket=" + bucket), e.getMessage());
      assertTrue(e.getMessage().contains("oss:ListObjects"), e.getMessage());
      assertEquals(MarkerCheckpoint.write("l/one"), listing.checkpoint(), "still after one");
    }
  }

  @Test
  void aCommonPrefixThatCannotBeListedFailsNextWithTheBucketNamed() throws Exception {
    put("l/sub/a", 1);
    try (Listing listing = source("l/", "").list(null, ListingListener.IGNORE)) {
      // the roll-up at '/' is listed; the prefix l/sub/ is listed (in the background) from next()
      oss.faults().always(Operation.ListObjects, FaultSpec.error(403, "AccessDenied"));

      IOException e = assertThrows(IOException.class, listing::next);

      assertTrue(e.getMessage().contains("srcBucket=" + bucket), e.getMessage());
      assertTrue(e.getMessage().contains("oss:ListObjects"), e.getMessage());
      assertThrows(IOException.class, listing::next, "the failure stays");
      assertEquals("", listing.checkpoint(), "nothing consumed");
    }
  }

  @Test
  void aMissingBucketFailsTheListingWithAMessageNamingBucketAndDomain() throws Exception {
    OssSource source =
        new OssSource(
            newClient(), OssSourceSettings.of(oss.endpoint(), "no-such-bkt", "x/", "", 0));

    IOException e =
        assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE));

    assertTrue(e.getMessage().contains("srcBucket=no-such-bkt"), e.getMessage());
    assertTrue(e.getMessage().contains("srcDomain=" + oss.endpoint()), e.getMessage());
    assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
    assertEquals(1, oss.counters().get(Operation.ListObjects), "no retry cures a missing bucket");
  }

  @Test
  void wrongCredentialsFailTheListingWithoutShowingTheSecret() throws Exception {
    String secret = "planted-secret-value-42";
    OssSource source =
        new OssSource(
            OssClients.create(
                oss.endpoint(), oss.accessKeyId(), Secret.of(secret), NetworkSettings.direct(), 4),
            OssSourceSettings.of(oss.endpoint(), bucket, "", "", 0));

    IOException e =
        assertThrows(IOException.class, () -> source.list(null, ListingListener.IGNORE));

    assertTrue(e.getMessage().contains("srcSecretKey"), e.getMessage());
    assertFalse(e.getMessage().contains(secret), e.getMessage());
    assertFalse(source.toString().contains(secret));
    SourceFailureException read =
        assertThrows(SourceFailureException.class, () -> source.stat("anything"));
    assertEquals(ReasonCode.ACCESS_DENIED, read.reason());
    assertFalse(read.isRetryable());
  }

  private OssSource source(String prefix, String destPrefix) {
    return new OssSource(
        newClient(), OssSourceSettings.of(oss.endpoint(), bucket, prefix, destPrefix, 0));
  }

  private OssSource source(String prefix, String destPrefix, int pageSize) {
    return new OssSource(
        newClient(),
        OssSourceSettings.of(oss.endpoint(), bucket, prefix, destPrefix, 0).withPageSize(pageSize));
  }

  private OSS newClient() {
    return OssClients.create(
        oss.endpoint(),
        oss.accessKeyId(),
        Secret.of(oss.secretAccessKey()),
        NetworkSettings.direct(),
        8);
  }

  private byte[] put(String key, int size) {
    byte[] content = randomBytes(size);
    client.putObject(bucket, key, new ByteArrayInputStream(content));
    return content;
  }

  private static byte[] randomBytes(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }

  /** Every object of {@code listing}, in its order; closes it. */
  static List<SourceObject> listAll(Listing listing) throws Exception {
    List<SourceObject> all = new ArrayList<>();
    try (Listing l = listing) {
      for (SourceObject o = l.next(); o != null; o = l.next()) {
        all.add(o);
      }
    }
    return all;
  }

  /** The references of {@code objects}, in order. */
  static List<String> references(List<SourceObject> objects) {
    List<String> refs = new ArrayList<>();
    for (SourceObject o : objects) {
      refs.add(o.reference());
    }
    return refs;
  }

  private static byte[] read(InputStream in) throws IOException {
    try (InputStream s = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n = s.read(buf); n >= 0; n = s.read(buf)) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static long crc64(byte[] data) {
    CRC64 crc = new CRC64();
    crc.update(data, 0, data.length);
    return crc.getValue();
  }
}
