package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Signature failures as S3 reports them, requests counted under the OSS dialect's operation names,
 * and the emulator's injected faults reaching S3 clients.
 */
class S3AuthFaultsAndCountersIT {
  private static final String BUCKET = "s3-auth";
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

  @BeforeEach
  void clean() {
    emulator.faults().clear();
    emulator.counters().reset();
  }

  @Test
  void aWrongSecretIsSignatureDoesNotMatch() {
    try (S3Client wrong =
        S3Clients.client(emulator, emulator.accessKeyId(), "not-the-secret", b -> {})) {
      S3Exception e =
          assertThrows(S3Exception.class, () -> wrong.headBucket(r -> r.bucket(BUCKET)));
      S3Exception onPut =
          assertThrows(
              S3Exception.class,
              () -> wrong.putObject(r -> r.bucket(BUCKET).key("k"), RequestBody.fromString("x")));

      assertEquals(403, e.statusCode());
      assertEquals("SignatureDoesNotMatch", onPut.awsErrorDetails().errorCode());
      assertNotNull(onPut.requestId());
    }
  }

  @Test
  void anUnknownAccessKeyIsInvalidAccessKeyId() {
    try (S3Client stranger = S3Clients.client(emulator, "AKIDSTRANGER", "secret", b -> {})) {
      S3Exception e =
          assertThrows(
              S3Exception.class,
              () ->
                  stranger.putObject(r -> r.bucket(BUCKET).key("k"), RequestBody.fromString("x")));

      assertEquals(403, e.statusCode());
      assertEquals("InvalidAccessKeyId", e.awsErrorDetails().errorCode());
    }
  }

  @Test
  void aRequestSignedTwentyMinutesAgoIsRequestTimeTooSkewed() throws IOException {
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));

    S3Clients.Raw response =
        S3Clients.signAndSend(
            emulator,
            SdkHttpMethod.GET,
            "/" + BUCKET + "?list-type=2",
            null,
            r -> r.putProperty(HttpSigner.SIGNING_CLOCK, past));

    assertEquals(403, response.status);
    assertTrue(
        response.bodyText().contains("<Code>RequestTimeTooSkewed</Code>"), response.bodyText());
    assertNotNull(response.headers.first("x-amz-request-id"));
  }

  @Test
  void unsignedAndSignatureV2RequestsAreRefused() throws IOException {
    S3Clients.Raw anonymous =
        S3Clients.send(
            SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create(emulator.endpoint() + "/" + BUCKET + "?list-type=2"))
                .putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .build(),
            null);
    S3Clients.Raw v2 =
        S3Clients.send(
            SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create(emulator.endpoint() + "/" + BUCKET))
                .putHeader("Authorization", "AWS " + emulator.accessKeyId() + ":c2lnbmF0dXJl")
                .build(),
            null);

    assertEquals(403, anonymous.status);
    assertTrue(anonymous.bodyText().contains("<Code>AccessDenied</Code>"));
    assertEquals(501, v2.status);
    assertTrue(v2.bodyText().contains("<Code>NotImplemented</Code>"));
  }

  @Test
  void unsupportedFeaturesAnswerNotImplementedRatherThanSucceed() {
    s3.putObject(r -> r.bucket(BUCKET).key("tagged"), RequestBody.fromString("x"));

    S3Exception tagging =
        assertThrows(
            S3Exception.class, () -> s3.getObjectTagging(r -> r.bucket(BUCKET).key("tagged")));
    S3Exception taggedPut =
        assertThrows(
            S3Exception.class,
            () ->
                s3.putObject(
                    r -> r.bucket(BUCKET).key("tagged").tagging("a=b"),
                    RequestBody.fromString("x")));
    S3Exception versioning =
        assertThrows(S3Exception.class, () -> s3.getBucketVersioning(r -> r.bucket(BUCKET)));

    assertEquals(501, tagging.statusCode());
    assertEquals("NotImplemented", tagging.awsErrorDetails().errorCode());
    assertEquals("NotImplemented", taggedPut.awsErrorDetails().errorCode());
    assertEquals("NotImplemented", versioning.awsErrorDetails().errorCode());
    // Unsupported sub-resources count as NotImplemented; a PUT refused for an unsupported
    // header counts as the PutObject it attempted.
    assertEquals(2, emulator.counters().get(Operation.NotImplemented));
  }

  @Test
  void requestsAreCountedUnderTheOssOperationNames() {
    s3.putObject(r -> r.bucket(BUCKET).key("counted"), RequestBody.fromString("x"));
    s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("counted"));
    s3.headObject(r -> r.bucket(BUCKET).key("counted"));
    s3.listObjectsV2(r -> r.bucket(BUCKET));
    String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("mp")).uploadId();
    s3.uploadPart(
        r -> r.bucket(BUCKET).key("mp").uploadId(uploadId).partNumber(1),
        RequestBody.fromString("p"));
    s3.abortMultipartUpload(r -> r.bucket(BUCKET).key("mp").uploadId(uploadId));
    s3.deleteObject(r -> r.bucket(BUCKET).key("counted"));

    for (Operation op :
        new Operation[] {
          Operation.PutObject,
          Operation.GetObject,
          Operation.HeadObject,
          Operation.ListObjectsV2,
          Operation.InitiateMultipartUpload,
          Operation.UploadPart,
          Operation.AbortMultipartUpload,
          Operation.DeleteObject
        }) {
      assertEquals(1, emulator.counters().get(op), op.name());
    }
    assertEquals(8, emulator.counters().total());
  }

  @Test
  void injectedErrorsReachTheS3ClientAsS3ErrorDocuments() {
    s3.putObject(r -> r.bucket(BUCKET).key("faulty"), RequestBody.fromString("content"));
    emulator.faults().script(Operation.GetObject, FaultSpec.slowDown());

    S3Exception throttled =
        assertThrows(
            S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("faulty")));

    assertEquals(503, throttled.statusCode());
    assertEquals("SlowDown", throttled.awsErrorDetails().errorCode());
    assertEquals(
        "content", s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("faulty")).asUtf8String());
  }

  @Test
  void aWrongChecksumInjectedIntoAGetIsCaughtByTheSdk() {
    byte[] data = S3Clients.randomBytes(10_000, 40);
    s3.putObject(r -> r.bucket(BUCKET).key("crc"), RequestBody.fromBytes(data));

    ResponseBytes<GetObjectResponse> good =
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("crc").checksumMode(ChecksumMode.ENABLED));
    emulator.faults().script(Operation.GetObject, FaultSpec.wrongCrc());

    assertArrayEquals(data, good.asByteArray());
    assertNotNull(good.response().checksumCRC32());
    assertThrows(
        SdkClientException.class,
        () ->
            s3.getObjectAsBytes(
                r -> r.bucket(BUCKET).key("crc").checksumMode(ChecksumMode.ENABLED)));
  }

  @Test
  void aConnectionResetMidBodyFailsTheGet() {
    s3.putObject(
        r -> r.bucket(BUCKET).key("reset"),
        RequestBody.fromBytes(S3Clients.randomBytes(100_000, 41)));
    emulator.faults().script(Operation.GetObject, FaultSpec.resetResponse(-1));

    assertThrows(
        SdkClientException.class, () -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("reset")));
  }
}
