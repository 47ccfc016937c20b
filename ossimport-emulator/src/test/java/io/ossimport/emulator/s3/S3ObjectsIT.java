package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Single-object operations through the real AWS SDK v2 S3Client. */
class S3ObjectsIT {
  private static final String BUCKET = "s3-objects";
  private static OssEmulator emulator;
  private static S3Client s3;

  @BeforeAll
  static void start() throws IOException {
    emulator = OssEmulator.builder().build().start();
    emulator.createBucket(BUCKET);
    s3 = S3Clients.client(emulator);
  }

  @AfterAll
  static void stop() throws IOException {
    s3.close();
    emulator.close();
  }

  @Test
  void putThenGetReturnsTheBytesMetadataAndALowerCaseMd5Etag() throws Exception {
    byte[] data = S3Clients.randomBytes(300_000, 1);
    Map<String, String> metadata = new HashMap<>();
    metadata.put("colour", "blue");
    metadata.put("Mixed-Case", "Value With Spaces");

    PutObjectResponse put =
        s3.putObject(
            r ->
                r.bucket(BUCKET)
                    .key("dir/a b+c~!.bin")
                    .contentType("application/x-test")
                    .cacheControl("max-age=60")
                    .contentDisposition("attachment; filename=a.bin")
                    .metadata(metadata),
            RequestBody.fromBytes(data));
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("dir/a b+c~!.bin"));

    String md5 = SigV4Crypto.hex(MessageDigest.getInstance("MD5").digest(data));
    assertEquals('"' + md5 + '"', put.eTag());
    assertArrayEquals(data, got.asByteArray());
    GetObjectResponse response = got.response();
    assertEquals('"' + md5 + '"', response.eTag());
    assertEquals("application/x-test", response.contentType());
    assertEquals("max-age=60", response.cacheControl());
    assertEquals("attachment; filename=a.bin", response.contentDisposition());
    assertEquals(data.length, response.contentLength().longValue());
    assertEquals("blue", response.metadata().get("colour"));
    assertEquals("Value With Spaces", response.metadata().get("mixed-case"));
    assertTrue(
        Math.abs(response.lastModified().getEpochSecond() - Instant.now().getEpochSecond()) < 60);
  }

  @Test
  void putEchoesTheFlexibleChecksumTheSdkSent() {
    byte[] data = S3Clients.randomBytes(1000, 2);

    PutObjectResponse put =
        s3.putObject(r -> r.bucket(BUCKET).key("checksummed"), RequestBody.fromBytes(data));

    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(data, 0, data.length);
    byte[] expected = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    assertEquals(Base64.getEncoder().encodeToString(expected), put.checksumCRC32());
  }

  @Test
  void servesRangesAndRefusesOnesPastTheEnd() {
    byte[] data = S3Clients.randomBytes(10_000, 4);
    s3.putObject(r -> r.bucket(BUCKET).key("ranged"), RequestBody.fromBytes(data));

    ResponseBytes<GetObjectResponse> middle =
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("ranged").range("bytes=100-199"));
    ResponseBytes<GetObjectResponse> tail =
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("ranged").range("bytes=-10"));
    S3Exception past =
        assertThrows(
            S3Exception.class,
            () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("ranged").range("bytes=20000-")));

    assertArrayEquals(java.util.Arrays.copyOfRange(data, 100, 200), middle.asByteArray());
    assertEquals("bytes 100-199/10000", middle.response().contentRange());
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 9990, 10000), tail.asByteArray());
    assertEquals(416, past.statusCode());
    assertEquals("InvalidRange", past.awsErrorDetails().errorCode());
  }

  @Test
  void headShowsMetadataAndDeleteRemovesTheObject() {
    s3.putObject(
        r ->
            r.bucket(BUCKET)
                .key("to-delete")
                .storageClass(StorageClass.STANDARD_IA)
                .metadata(Collections.singletonMap("k", "v")),
        RequestBody.fromString("x"));

    HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key("to-delete"));
    s3.deleteObject(r -> r.bucket(BUCKET).key("to-delete"));

    assertEquals(1L, head.contentLength().longValue());
    assertEquals("v", head.metadata().get("k"));
    assertEquals(StorageClass.STANDARD_IA, head.storageClass());
    assertThrows(
        NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("to-delete")));
    NoSuchKeyException missing =
        assertThrows(
            NoSuchKeyException.class,
            () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("to-delete")));
    assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
    // deleting what is not there is still a success in S3
    s3.deleteObject(r -> r.bucket(BUCKET).key("to-delete"));
  }

  @Test
  void copyKeepsOrReplacesMetadataByDirective() {
    s3.putObject(
        r ->
            r.bucket(BUCKET)
                .key("copy-source")
                .contentType("text/plain")
                .metadata(Collections.singletonMap("origin", "source")),
        RequestBody.fromString("copied content"));

    CopyObjectResponse kept =
        s3.copyObject(
            r ->
                r.sourceBucket(BUCKET)
                    .sourceKey("copy-source")
                    .destinationBucket(BUCKET)
                    .destinationKey("copies/kept one"));
    s3.copyObject(
        r ->
            r.sourceBucket(BUCKET)
                .sourceKey("copy-source")
                .destinationBucket(BUCKET)
                .destinationKey("copies/replaced")
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/x-other")
                .metadata(Collections.singletonMap("origin", "replaced")));

    HeadObjectResponse keptHead = s3.headObject(r -> r.bucket(BUCKET).key("copies/kept one"));
    HeadObjectResponse replaced = s3.headObject(r -> r.bucket(BUCKET).key("copies/replaced"));
    assertEquals(keptHead.eTag(), kept.copyObjectResult().eTag());
    assertEquals("source", keptHead.metadata().get("origin"));
    assertEquals("text/plain", keptHead.contentType());
    assertEquals("replaced", replaced.metadata().get("origin"));
    assertEquals("text/x-other", replaced.contentType());
    assertEquals(
        "copied content",
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("copies/replaced")).asUtf8String());
    S3Exception ontoItself =
        assertThrows(
            S3Exception.class,
            () ->
                s3.copyObject(
                    r ->
                        r.sourceBucket(BUCKET)
                            .sourceKey("copy-source")
                            .destinationBucket(BUCKET)
                            .destinationKey("copy-source")));
    assertEquals("InvalidRequest", ontoItself.awsErrorDetails().errorCode());
  }

  @Test
  void wrongContentMd5IsRefusedWithBadDigestAndStoresNothing() throws Exception {
    String otherMd5 =
        Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("MD5").digest("other".getBytes("UTF-8")));

    S3Exception e =
        assertThrows(
            S3Exception.class,
            () ->
                s3.putObject(
                    r -> r.bucket(BUCKET).key("bad-digest").contentMD5(otherMd5),
                    RequestBody.fromString("content")));

    assertEquals(400, e.statusCode());
    assertEquals("BadDigest", e.awsErrorDetails().errorCode());
    assertThrows(
        NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("bad-digest")));
  }

  @Test
  void conditionalGetsAnswerNotModifiedAndPreconditionFailed() {
    PutObjectResponse put =
        s3.putObject(r -> r.bucket(BUCKET).key("conditional"), RequestBody.fromString("c"));

    S3Exception notModified =
        assertThrows(
            S3Exception.class,
            () ->
                s3.getObjectAsBytes(
                    r -> r.bucket(BUCKET).key("conditional").ifNoneMatch(put.eTag())));
    S3Exception failed =
        assertThrows(
            S3Exception.class,
            () ->
                s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("conditional").ifMatch("\"0000\"")));

    assertEquals(304, notModified.statusCode());
    assertEquals(412, failed.statusCode());
    assertEquals("PreconditionFailed", failed.awsErrorDetails().errorCode());
  }

  @Test
  void unknownBucketIsNoSuchBucket() {
    NoSuchBucketException e =
        assertThrows(
            NoSuchBucketException.class,
            () ->
                s3.putObject(
                    r -> r.bucket("no-such-bucket").key("k"), RequestBody.fromString("x")));

    assertEquals(404, e.statusCode());
  }
}
