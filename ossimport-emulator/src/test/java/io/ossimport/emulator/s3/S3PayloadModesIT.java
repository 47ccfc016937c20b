package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every SigV4 payload mode reaching the emulator: through the S3Client where its configuration
 * selects the mode, and hand-signed with the SDK's signer for the modes the client only uses over
 * HTTPS.
 */
class S3PayloadModesIT {
  private static final String BUCKET = "s3-modes";
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
  void signedPayloadHashIsVerified() throws IOException {
    byte[] data = S3Clients.randomBytes(50_000, 10);

    S3Clients.Raw put =
        put("signed-hash", data, "[0-9a-f]{64}", r -> streaming(r, true, false, null));

    assertEquals(200, put.status, put.bodyText());
    assertStored("signed-hash", data);
  }

  @Test
  void unsignedPayloadIsAccepted() throws IOException {
    byte[] data = S3Clients.randomBytes(50_000, 11);

    S3Clients.Raw put =
        put("unsigned", data, "UNSIGNED-PAYLOAD", r -> streaming(r, false, false, null));

    assertEquals(200, put.status, put.bodyText());
    assertStored("unsigned", data);
  }

  @Test
  void signedChunksAreDecodedAndVerified() throws IOException {
    byte[] data = S3Clients.randomBytes(300_000, 12);

    S3Clients.Raw put =
        put(
            "signed-chunks",
            data,
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            r -> streaming(r, true, true, null));

    assertEquals(200, put.status, put.bodyText());
    assertStored("signed-chunks", data);
  }

  @Test
  void signedChunksWithASignedChecksumTrailerAreVerifiedAndTheChecksumEchoed() throws IOException {
    byte[] data = S3Clients.randomBytes(300_000, 13);

    S3Clients.Raw put =
        put(
            "signed-trailer",
            data,
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            r -> streaming(r, true, true, DefaultChecksumAlgorithm.CRC32C));

    assertEquals(200, put.status, put.bodyText());
    assertEquals(expectedCrc32c(data), put.headers.first("x-amz-checksum-crc32c"));
    assertStored("signed-trailer", data);
  }

  @Test
  void unsignedChunksWithAChecksumTrailerAreVerified() throws IOException {
    byte[] data = S3Clients.randomBytes(300_000, 14);

    S3Clients.Raw put =
        put(
            "unsigned-trailer",
            data,
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            r -> streaming(r, false, true, DefaultChecksumAlgorithm.SHA256));

    assertEquals(200, put.status, put.bodyText());
    assertStored("unsigned-trailer", data);
  }

  @Test
  void aChunkAlteredInTransitIsRefusedAndNothingIsStored() throws IOException {
    byte[] data = S3Clients.randomBytes(100_000, 15);
    S3Clients.Signed signed =
        S3Clients.sign(
            emulator,
            SdkHttpMethod.PUT,
            "/" + BUCKET + "/tampered",
            data,
            r -> streaming(r, true, true, null));
    signed.body[50_000] ^= 1; // inside the first chunk's data, past its header

    S3Clients.Raw put =
        S3Clients.send(signed.request, ContentStreamProvider.fromByteArray(signed.body));

    assertEquals(403, put.status);
    assertTrue(put.bodyText().contains("<Code>SignatureDoesNotMatch</Code>"), put.bodyText());
    assertThrows(
        NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("tampered")));
  }

  @Test
  void aBodySentWithChunkedTransferEncodingIsStored() throws IOException {
    byte[] data = S3Clients.randomBytes(200_000, 16);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.PUT)
            .uri(URI.create(presignedPut("http-chunked").toString()))
            .build();

    // No Content-Length: the HTTP client falls back to Transfer-Encoding: chunked.
    S3Clients.Raw put =
        S3Clients.send(
            request,
            ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(data)));

    assertEquals(200, put.status, put.bodyText());
    assertStored("http-chunked", data);
  }

  @Test
  void presignedUrlsGetAndPut() throws IOException {
    byte[] data = S3Clients.randomBytes(1000, 17);
    s3.putObject(r -> r.bucket(BUCKET).key("presigned"), RequestBody.fromBytes(data));

    try (S3Presigner presigner = presigner()) {
      URL get =
          presigner
              .presignGetObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(5))
                          .getObjectRequest(r -> r.bucket(BUCKET).key("presigned")))
              .url();
      S3Clients.Raw got =
          S3Clients.send(
              SdkHttpFullRequest.builder()
                  .method(SdkHttpMethod.GET)
                  .uri(URI.create(get.toString()))
                  .build(),
              null);

      assertEquals(200, got.status);
      assertArrayEquals(data, got.body);
    }
  }

  @Test
  void theClientWithoutChunkedEncodingSignsThePayloadHashAndSendsAChecksumHeader() {
    byte[] data = S3Clients.randomBytes(20_000, 18);
    SentHeaders sent = new SentHeaders();
    try (S3Client plain =
        S3Clients.client(
            emulator,
            emulator.accessKeyId(),
            emulator.secretAccessKey(),
            b ->
                b.serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(sent)))) {
      plain.putObject(r -> r.bucket(BUCKET).key("no-chunking"), RequestBody.fromBytes(data));
    }

    assertTrue(sent.contentSha256.matches("[0-9a-f]{64}"), sent.contentSha256);
    assertTrue(sent.checksumHeader, "an x-amz-checksum-* header");
    assertStored("no-chunking", data);
  }

  @Test
  void theClientWithChecksumsOnlyWhenRequiredSendsSignedChunksWithoutTrailer() {
    byte[] data = S3Clients.randomBytes(200_000, 19);
    SentHeaders sent = new SentHeaders();
    try (S3Client noChecksum =
        S3Clients.client(
            emulator,
            emulator.accessKeyId(),
            emulator.secretAccessKey(),
            b ->
                b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o.addExecutionInterceptor(sent)))) {
      noChecksum.putObject(r -> r.bucket(BUCKET).key("no-trailer"), RequestBody.fromBytes(data));
    }

    assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", sent.contentSha256);
    assertStored("no-trailer", data);
  }

  @Test
  void theDefaultClientSendsSignedChunksWithASignedCrc32Trailer() {
    byte[] data = S3Clients.randomBytes(200_000, 20);
    SentHeaders sent = new SentHeaders();
    try (S3Client client =
        S3Clients.client(
            emulator,
            emulator.accessKeyId(),
            emulator.secretAccessKey(),
            b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(sent)))) {
      client.putObject(r -> r.bucket(BUCKET).key("default-mode"), RequestBody.fromBytes(data));
    }

    assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", sent.contentSha256);
    assertStored("default-mode", data);
  }

  /** Records the payload mode of the last request the client sent. */
  private static final class SentHeaders implements ExecutionInterceptor {
    volatile String contentSha256;
    volatile boolean checksumHeader;

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      contentSha256 = request.firstMatchingHeader("x-amz-content-sha256").orElse(null);
      checksumHeader = request.firstMatchingHeader("x-amz-checksum-crc32").isPresent();
    }
  }

  private static S3Presigner presigner() {
    return S3Presigner.builder()
        .endpointOverride(emulator.url())
        .region(Region.US_EAST_1)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
        .build();
  }

  private static URL presignedPut(String key) {
    try (S3Presigner presigner = presigner()) {
      return presigner
          .presignPutObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .putObjectRequest(r -> r.bucket(BUCKET).key(key)))
          .url();
    }
  }

  /** Signs and sends a PUT, checking the signer chose the payload mode the test is about. */
  private static S3Clients.Raw put(
      String key,
      byte[] data,
      String expectedContentSha256,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> mode)
      throws IOException {
    S3Clients.Signed signed =
        S3Clients.sign(emulator, SdkHttpMethod.PUT, "/" + BUCKET + "/" + key, data, mode);
    String declared = signed.request.firstMatchingHeader("x-amz-content-sha256").get();
    assertTrue(declared.matches(expectedContentSha256), declared);
    return S3Clients.send(signed.request, ContentStreamProvider.fromByteArray(signed.body));
  }

  private static void streaming(
      SignRequest.Builder<AwsCredentialsIdentity> r,
      boolean signPayload,
      boolean chunked,
      software.amazon.awssdk.checksums.spi.ChecksumAlgorithm checksum) {
    r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload)
        .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked);
    if (checksum != null) {
      r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
    }
  }

  private static void assertStored(String key, byte[] data) {
    assertArrayEquals(data, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray());
    assertNull(s3.headObject(r -> r.bucket(BUCKET).key(key)).contentEncoding());
  }

  private static String expectedCrc32c(byte[] data) {
    ChecksumAlgorithm.Digest digest = ChecksumAlgorithm.CRC32C.newDigest();
    digest.update(data, 0, data.length);
    return digest.base64();
  }
}
