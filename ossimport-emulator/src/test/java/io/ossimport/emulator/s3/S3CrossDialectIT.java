package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 and OSS dialects share buckets and objects: what one SDK writes, the other reads with the
 * same bytes, user metadata, content type and (case aside) ETag.
 */
class S3CrossDialectIT {
  private static final String BUCKET = "shared";
  private static OssEmulator emulator;
  private static S3Client s3;
  private static OSS oss;

  @BeforeAll
  static void start() throws IOException {
    emulator = OssEmulator.builder().build().start();
    emulator.createBucket(BUCKET);
    s3 = S3Clients.client(emulator);
    oss = SdkClients.client(emulator, SignVersion.V4);
  }

  @AfterAll
  static void stop() throws IOException {
    s3.close();
    oss.shutdown();
    emulator.close();
  }

  @Test
  void anObjectWrittenThroughS3ReadsTheSameThroughOss() throws IOException {
    byte[] data = S3Clients.randomBytes(123_456, 50);
    Map<String, String> metadata = new HashMap<>();
    metadata.put("origin", "s3");
    metadata.put("note", "written by the AWS SDK");
    String etag =
        s3.putObject(
                r ->
                    r.bucket(BUCKET)
                        .key("from-s3/obj.bin")
                        .contentType("application/x-s3")
                        .metadata(metadata),
                RequestBody.fromBytes(data))
            .eTag();

    OSSObject read = oss.getObject(BUCKET, "from-s3/obj.bin");
    byte[] bytes = S3Clients.read(read.getObjectContent());

    assertArrayEquals(data, bytes);
    ObjectMetadata meta = read.getObjectMetadata();
    assertEquals(metadata, meta.getUserMetadata());
    assertEquals("application/x-s3", meta.getContentType());
    assertEquals(unquoted(etag).toUpperCase(Locale.ROOT), meta.getETag());
  }

  @Test
  void anObjectWrittenThroughOssReadsTheSameThroughS3() {
    byte[] data = S3Clients.randomBytes(54_321, 51);
    ObjectMetadata meta = new ObjectMetadata();
    meta.setContentType("application/x-oss");
    meta.addUserMetadata("origin", "oss");
    String ossEtag =
        oss.putObject(BUCKET, "from-oss/obj.bin", new ByteArrayInputStream(data), meta).getETag();

    ResponseBytes<GetObjectResponse> read =
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("from-oss/obj.bin"));

    assertArrayEquals(data, read.asByteArray());
    assertEquals("oss", read.response().metadata().get("origin"));
    assertEquals("application/x-oss", read.response().contentType());
    assertEquals('"' + ossEtag.toLowerCase(Locale.ROOT) + '"', read.response().eTag());
    assertTrue(
        s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("from-oss/")).contents().stream()
            .map(S3Object::key)
            .collect(Collectors.toList())
            .contains("from-oss/obj.bin"));
  }

  @Test
  void aMultipartObjectFromS3HasTheSameEtagThroughOss() throws IOException {
    int part = 5 * 1024 * 1024;
    byte[] data = S3Clients.randomBytes(part + 100, 52);
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("mp")).uploadId();
    String e1 =
        s3.uploadPart(
                r -> r.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(Arrays.copyOfRange(data, 0, part)))
            .eTag();
    String e2 =
        s3.uploadPart(
                r -> r.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(Arrays.copyOfRange(data, part, data.length)))
            .eTag();
    String etag =
        s3.completeMultipartUpload(
                r ->
                    r.bucket(BUCKET)
                        .key("mp")
                        .uploadId(uploadId)
                        .multipartUpload(
                            m ->
                                m.parts(
                                    CompletedPart.builder().partNumber(1).eTag(e1).build(),
                                    CompletedPart.builder().partNumber(2).eTag(e2).build())))
            .eTag();

    OSSObject read = oss.getObject(BUCKET, "mp");

    assertArrayEquals(data, S3Clients.read(read.getObjectContent()));
    assertEquals(unquoted(etag).toUpperCase(Locale.ROOT), read.getObjectMetadata().getETag());
    assertEquals("Multipart", read.getObjectMetadata().getObjectType());
  }

  private static String unquoted(String etag) {
    return etag.substring(1, etag.length() - 1);
  }
}
