package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.KeyOrder;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SourceObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * What every S3-compatible server must give an {@link S3Source}: resumable listing, prefixes,
 * ranged reads, stat metadata and clear failures. Each subclass runs it against one real server.
 */
abstract class S3SourceContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final List<String> UNDER_PREFIX =
      Arrays.asList(
          "data/a.txt",
          "data/b c.txt",
          "data/d+e.bin",
          "data/sub/f.txt",
          "data/sub/g/h.txt",
          "data/\u00fcn\u00ef.txt",
          "data/z\u20ac.txt");

  /**
   * References that a listing must carry through URL encoding unchanged: control characters (not
   * XML 1.0; a tab is), '%' alone and before hex digits ("%41" would decode to "A" twice decoded),
   * '+' next to ' ' (form decoding makes '+' a space), multibyte UTF-8, and such characters in
   * common prefixes too (the roll-up's CommonPrefixes and each prefix's own request). No key is
   * also a prefix of another ("x" and "x/y"): S3Proxy's file-backed store cannot hold both.
   */
  static final List<String> AWKWARD =
      Arrays.asList(
          "a\u0001b",
          "c\u001fd/e",
          "tab\there",
          "100%",
          "%41",
          "p%2Fq",
          "x+y",
          "x y",
          "m+n/z",
          "m n/z+w",
          "%25/%7E",
          "\u00fcber/\u4e2d\u6587 +%",
          "\uD83D\uDE00");

  S3Client admin;
  String bucket;

  abstract URI endpoint();

  abstract String accessKey();

  abstract String secret();

  @BeforeEach
  void createBucket() {
    admin =
        S3Client.builder()
            .endpointOverride(endpoint())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secret())))
            .build();
    bucket = "src-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    admin.createBucket(r -> r.bucket(bucket));
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  S3Source source(String prefix) {
    return source(bucket, prefix, secret());
  }

  S3Source source(String bucketName, String prefix, String secretKey) {
    return source(endpoint(), accessKey(), secretKey, bucketName, prefix);
  }

  static S3Source source(
      URI endpoint, String accessKey, String secretKey, String bucketName, String prefix) {
    S3Location location =
        S3Endpoints.resolve(S3Flavor.S3, endpoint.toString(), bucketName, prefix, 0);
    return new S3Source(
        S3SourceSettings.builder(S3Flavor.S3, location, endpoint.toString())
            .credentials(accessKey, secretKey)
            .destPrefix("backup/")
            .build());
  }

  void put(String key, byte[] content) {
    admin.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  void putTree() {
    for (String key : UNDER_PREFIX) {
      put(key, key.getBytes(StandardCharsets.UTF_8));
    }
    put("data/", new byte[0]); // a folder marker for the prefix itself
    put("dat.txt", new byte[] {1});
    put("other/x.txt", new byte[] {2});
  }

  @Test
  void aListingResumedFromAnyCheckpointYieldsEveryRemainingObjectOnce() throws Exception {
    putTree();
    try (S3Source source = source("data/")) {
      List<String> all = references(drain(source.list(null, ListingListener.IGNORE, 2)));
      assertEquals(expectedReferences(), new TreeSet<String>(all));
      assertEquals(UNDER_PREFIX.size(), all.size(), "each object once: " + all);

      assertResumesFromEveryCheckpoint(source, all, 2);
    }
  }

  /**
   * Keys XML 1.0 cannot carry (control characters: the listing asks for {@code encoding-type=url})
   * and keys that look URL-encoded or hold '+', ' ' or '%' (decoded once, never twice): listed
   * exactly, in UTF-8 order, resumed from every checkpoint and read back by their references.
   */
  @Test
  void keysXmlCannotCarryOrThatLookEncodedAreListedResumedAndReadLiterally() throws Exception {
    List<String> expected = new ArrayList<String>(AWKWARD);
    for (String reference : expected) {
      put("odd/" + reference, reference.getBytes(StandardCharsets.UTF_8));
    }
    put("odd%2Fnot-under-the-prefix", new byte[] {1});
    Collections.sort(expected, KeyOrder.UTF8);
    try (S3Source source = source("odd/")) {
      List<String> all = references(drain(source.list(null, IGNORE, awkwardPageSize())));
      assertEquals(expected, all);
      assertResumesFromEveryCheckpoint(source, all, awkwardPageSize());
      for (String reference : all) {
        assertEquals(reference, new String(read(source.open(reference)), StandardCharsets.UTF_8));
      }
    }
  }

  /** The listing page size for {@link #AWKWARD} keys: small, so that pages end inside prefixes. */
  int awkwardPageSize() {
    return 2;
  }

  /** Resumed from the checkpoint after each count of consumed objects, the rest of {@code all}. */
  static void assertResumesFromEveryCheckpoint(S3Source source, List<String> all, int pageSize)
      throws Exception {
    for (int consumed = 0; consumed <= all.size(); consumed++) {
      List<String> seen = new ArrayList<String>();
      String checkpoint;
      try (Listing first = source.list(null, ListingListener.IGNORE, pageSize)) {
        for (int i = 0; i < consumed; i++) {
          seen.add(first.next().reference());
        }
        first.peek(); // looking ahead consumes nothing
        checkpoint = first.checkpoint();
      }
      seen.addAll(references(drain(source.list(checkpoint, ListingListener.IGNORE, pageSize))));
      assertEquals(all, seen, "resumed after " + consumed + " objects from " + checkpoint);
    }
  }

  @Test
  void aListingTakesOnlyKeysUnderThePrefixAndDropsThePrefixFromReferences() throws Exception {
    putTree();
    try (S3Source source = source("data/sub/")) {
      assertEquals(Arrays.asList("f.txt", "g/h.txt"), references(drain(source.list(null, IGNORE))));
    }
    try (S3Source whole = source("")) {
      List<String> keys = references(drain(whole.list(null, IGNORE)));
      assertTrue(
          keys.containsAll(Arrays.asList("dat.txt", "other/x.txt", "data/a.txt")), "" + keys);
    }
  }

  @Test
  void listedSizeAndTimeAgreeWithStat() throws Exception {
    putTree();
    try (S3Source source = source("data/")) {
      for (SourceObject o : drain(source.list(null, IGNORE))) {
        ObjectStat stat = source.stat(o.reference());
        assertTrue(stat.matches(o), o + " vs " + stat);
        assertEquals(("data/" + o.reference()).getBytes(StandardCharsets.UTF_8).length, o.size());
      }
    }
  }

  @Test
  void rangedReadsReturnExactlyTheRequestedBytes() throws Exception {
    byte[] content = new byte[1000];
    new Random(7).nextBytes(content);
    put("r/blob", content);
    try (S3Source source = source("r/")) {
      assertArrayEquals(content, read(source.open("blob")));
      assertArrayEquals(Arrays.copyOfRange(content, 100, 150), read(source.open("blob", 100, 50)));
      assertArrayEquals(Arrays.copyOfRange(content, 990, 1000), read(source.open("blob", 990, 50)));
      assertEquals(0, read(source.open("blob", 1000, 10)).length, "from the end: nothing");
      assertEquals(0, read(source.open("blob", 5, 0)).length, "zero length: nothing");
      try (InputStream partly = source.open("blob")) {
        assertEquals(content[0] & 0xff, partly.read()); // closing early must not fail
      }
    }
  }

  @Test
  void statReportsTypeUserMetadataAndTheMd5OfAPlainUpload() throws Exception {
    byte[] content = "metadata travels".getBytes(StandardCharsets.UTF_8);
    Map<String, String> metadata = new HashMap<String, String>();
    metadata.put("author", "Ada");
    metadata.put("project", "ossimport");
    admin.putObject(
        r -> r.bucket(bucket).key("m/doc.txt").contentType("text/x-test").metadata(metadata),
        RequestBody.fromBytes(content));
    try (S3Source source = source("m/")) {
      ObjectStat stat = source.stat("doc.txt");
      assertTrue(stat.exists());
      assertEquals(content.length, stat.size());
      assertEquals("text/x-test", stat.contentType());
      assertEquals(metadata, stat.userMetadata());
      assertEquals(md5Hex(content), stat.md5Hex());
      assertEquals(0, stat.lastModifiedMillis() % 1000, "whole seconds, as HEAD has them");
    }
  }

  @Test
  void aMultipartObjectReportsNoMd5() throws Exception {
    byte[] part = "one part only".getBytes(StandardCharsets.UTF_8);
    String id = admin.createMultipartUpload(r -> r.bucket(bucket).key("mp/obj")).uploadId();
    String etag =
        admin
            .uploadPart(
                r -> r.bucket(bucket).key("mp/obj").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part))
            .eTag();
    admin.completeMultipartUpload(
        r ->
            r.bucket(bucket)
                .key("mp/obj")
                .uploadId(id)
                .multipartUpload(
                    u -> u.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    try (S3Source source = source("mp/")) {
      ObjectStat stat = source.stat("obj");
      assertEquals(part.length, stat.size());
      assertNull(stat.md5Hex(), "a multipart ETag is not an MD5");
    }
  }

  @Test
  void aMissingKeyIsMissingOnStatAndNoSuchFileOnOpen() throws Exception {
    try (S3Source source = source("none/")) {
      assertFalse(source.stat("gone.txt").exists());
      NoSuchFileException e =
          assertThrows(NoSuchFileException.class, () -> source.open("gone.txt"));
      assertTrue(e.getMessage().contains("srcBucket=" + bucket), e.getMessage());
    }
  }

  @Test
  void aWrongSecretFailsTheListingWithAMessageThatNamesTheSourceButNotTheSecret() {
    String wrong = "wrong-secret-that-must-not-leak";
    try (S3Source source = source(bucket, "", wrong)) {
      IOException e = assertThrows(IOException.class, () -> source.list(null, IGNORE));
      String m = e.getMessage();
      assertTrue(m.contains("srcDomain=" + endpoint()) && m.contains("srcBucket=" + bucket), m);
      assertTrue(m.contains("check srcSecretKey") || m.contains("check srcAccessKey"), m);
      assertFalse(m.contains(wrong) || m.contains(secret()), m);
    }
  }

  @Test
  void aMissingBucketFailsTheListingSayingSo() {
    try (S3Source source = source("no-such-bucket-" + bucket, "", secret())) {
      IOException e = assertThrows(IOException.class, () -> source.list(null, IGNORE));
      assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
      assertTrue(e.getMessage().contains("check srcBucket"), e.getMessage());
      assertFalse(e.getMessage().contains(secret()), e.getMessage());
    }
  }

  private static final ListingListener IGNORE = ListingListener.IGNORE;

  private static TreeSet<String> expectedReferences() {
    return UNDER_PREFIX.stream()
        .map(k -> k.substring("data/".length()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static List<SourceObject> drain(Listing listing) throws Exception {
    try (Listing l = listing) {
      List<SourceObject> out = new ArrayList<SourceObject>();
      for (SourceObject o = l.next(); o != null; o = l.next()) {
        out.add(o);
      }
      return out;
    }
  }

  static List<String> references(List<SourceObject> objects) {
    return objects.stream().map(SourceObject::reference).collect(Collectors.toList());
  }

  static byte[] read(InputStream in) throws IOException {
    try (InputStream closing = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      for (int n = closing.read(buf); n >= 0; n = closing.read(buf)) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  static String md5Hex(byte[] content) throws Exception {
    StringBuilder hex = new StringBuilder();
    for (byte b : MessageDigest.getInstance("MD5").digest(content)) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }
}
