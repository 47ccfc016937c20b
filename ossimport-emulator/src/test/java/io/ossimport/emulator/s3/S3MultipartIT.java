package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Multipart uploads through the real AWS SDK v2 S3Client, with S3's part-size limits. */
class S3MultipartIT {
  private static final String BUCKET = "s3-multipart";
  private static final int PART = 5 * 1024 * 1024;
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
  void partsAssembleIntoTheObjectWithAnS3MultipartEtag() throws Exception {
    byte[] data = S3Clients.randomBytes(2 * PART + 1000, 30);
    String uploadId =
        s3.createMultipartUpload(
                r ->
                    r.bucket(BUCKET)
                        .key("big/object")
                        .contentType("video/test")
                        .metadata(Collections.singletonMap("origin", "multipart")))
            .uploadId();

    List<CompletedPart> parts = new ArrayList<>();
    List<byte[]> md5s = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] slice = Arrays.copyOfRange(data, i * PART, Math.min(data.length, (i + 1) * PART));
      int number = i + 1;
      UploadPartResponse part =
          s3.uploadPart(
              r -> r.bucket(BUCKET).key("big/object").uploadId(uploadId).partNumber(number),
              RequestBody.fromBytes(slice));
      md5s.add(MessageDigest.getInstance("MD5").digest(slice));
      assertEquals('"' + SigV4Crypto.hex(md5s.get(i)) + '"', part.eTag());
      parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).build());
    }
    ListPartsResponse listed =
        s3.listParts(r -> r.bucket(BUCKET).key("big/object").uploadId(uploadId));
    CompleteMultipartUploadResponse done =
        s3.completeMultipartUpload(
            r ->
                r.bucket(BUCKET)
                    .key("big/object")
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));

    assertEquals(
        Arrays.asList(1, 2, 3),
        listed.parts().stream().map(Part::partNumber).collect(Collectors.toList()));
    assertEquals(PART, listed.parts().get(0).size().intValue());
    MessageDigest ofParts = MessageDigest.getInstance("MD5");
    md5s.forEach(ofParts::update);
    assertEquals('"' + SigV4Crypto.hex(ofParts.digest()) + "-3\"", done.eTag());
    GetObjectResponse got = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("big/object")).response();
    assertArrayEquals(
        data, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("big/object")).asByteArray());
    assertEquals(done.eTag(), got.eTag());
    assertEquals("video/test", got.contentType());
    assertEquals("multipart", got.metadata().get("origin"));
  }

  @Test
  void listPartsAndListUploadsPage() {
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("paged/one")).uploadId();
    s3.createMultipartUpload(r -> r.bucket(BUCKET).key("paged/two"));
    for (int n = 1; n <= 3; n++) {
      int number = n;
      s3.uploadPart(
          r -> r.bucket(BUCKET).key("paged/one").uploadId(uploadId).partNumber(number),
          RequestBody.fromString("part " + number));
    }

    List<Integer> partNumbers = new ArrayList<>();
    for (ListPartsResponse page :
        s3.listPartsPaginator(
            r -> r.bucket(BUCKET).key("paged/one").uploadId(uploadId).maxParts(2))) {
      page.parts().forEach(p -> partNumbers.add(p.partNumber()));
    }
    List<String> uploadKeys = new ArrayList<>();
    for (ListMultipartUploadsResponse page :
        s3.listMultipartUploadsPaginator(r -> r.bucket(BUCKET).prefix("paged/").maxUploads(1))) {
      page.uploads().stream().map(MultipartUpload::key).forEach(uploadKeys::add);
    }

    assertEquals(Arrays.asList(1, 2, 3), partNumbers);
    assertEquals(Arrays.asList("paged/one", "paged/two"), uploadKeys);
  }

  @Test
  void abortedUploadsAreGoneAndUnknownOnesAreNoSuchUpload() {
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("aborted")).uploadId();

    s3.abortMultipartUpload(r -> r.bucket(BUCKET).key("aborted").uploadId(uploadId));

    NoSuchUploadException e =
        assertThrows(
            NoSuchUploadException.class,
            () ->
                s3.uploadPart(
                    r -> r.bucket(BUCKET).key("aborted").uploadId(uploadId).partNumber(1),
                    RequestBody.fromString("late")));
    assertEquals(404, e.statusCode());
    assertThrows(
        NoSuchUploadException.class,
        () -> s3.listParts(r -> r.bucket(BUCKET).key("aborted").uploadId("0000")));
  }

  @Test
  void completionRefusesUnknownPartsWrongEtagsAndSmallInnerParts() {
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("invalid")).uploadId();
    String etag1 =
        s3.uploadPart(
                r -> r.bucket(BUCKET).key("invalid").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("small first part"))
            .eTag();
    String etag2 =
        s3.uploadPart(
                r -> r.bucket(BUCKET).key("invalid").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("last part"))
            .eTag();

    S3Exception unknownPart = complete(uploadId, part(1, etag1), part(3, etag2));
    S3Exception wrongEtag = complete(uploadId, part(1, etag2), part(2, etag2));
    S3Exception outOfOrder = complete(uploadId, part(2, etag2), part(1, etag1));
    S3Exception tooSmall = complete(uploadId, part(1, etag1), part(2, etag2));

    assertEquals("InvalidPart", unknownPart.awsErrorDetails().errorCode());
    assertEquals("InvalidPart", wrongEtag.awsErrorDetails().errorCode());
    assertEquals("InvalidPartOrder", outOfOrder.awsErrorDetails().errorCode());
    assertEquals("EntityTooSmall", tooSmall.awsErrorDetails().errorCode());
    assertEquals(400, tooSmall.statusCode());
    // A single small part is fine: it is the last one.
    CompleteMultipartUploadResponse single =
        s3.completeMultipartUpload(
            r ->
                r.bucket(BUCKET)
                    .key("invalid")
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(part(2, etag2))));
    assertTrue(single.eTag().endsWith("-1\""));
    assertEquals(
        "last part", s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("invalid")).asUtf8String());
  }

  @Test
  void uploadPartCopyTakesARangeOfAnotherObject() {
    byte[] source = S3Clients.randomBytes(PART + 10, 31);
    s3.putObject(r -> r.bucket(BUCKET).key("copy/source"), RequestBody.fromBytes(source));
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("copy/target")).uploadId();

    String first =
        s3.uploadPartCopy(
                r ->
                    r.sourceBucket(BUCKET)
                        .sourceKey("copy/source")
                        .destinationBucket(BUCKET)
                        .destinationKey("copy/target")
                        .uploadId(uploadId)
                        .partNumber(1)
                        .copySourceRange("bytes=0-" + (PART - 1)))
            .copyPartResult()
            .eTag();
    String second =
        s3.uploadPartCopy(
                r ->
                    r.sourceBucket(BUCKET)
                        .sourceKey("copy/source")
                        .destinationBucket(BUCKET)
                        .destinationKey("copy/target")
                        .uploadId(uploadId)
                        .partNumber(2)
                        .copySourceRange("bytes=" + PART + "-" + (PART + 9)))
            .copyPartResult()
            .eTag();
    s3.completeMultipartUpload(
        r ->
            r.bucket(BUCKET)
                .key("copy/target")
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(part(1, first), part(2, second))));

    assertArrayEquals(
        source, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("copy/target")).asByteArray());
  }

  private static CompletedPart part(int number, String etag) {
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private static S3Exception complete(String uploadId, CompletedPart... parts) {
    return assertThrows(
        S3Exception.class,
        () ->
            s3.completeMultipartUpload(
                r ->
                    r.bucket(BUCKET)
                        .key("invalid")
                        .uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts))));
  }
}
