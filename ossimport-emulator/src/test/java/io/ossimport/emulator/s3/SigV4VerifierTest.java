package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;

class SigV4VerifierTest {
  private static final String DOC_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String DOC_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final Instant DOC_TIME = Instant.parse("2013-05-24T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static SigV4Verifier verifier(String key, String secret, Instant now) {
    Map<String, String> keys = new HashMap<>();
    keys.put(key, secret);
    return new SigV4Verifier(keys::get, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static SigV4Verifier sdkVerifier() {
    return verifier(SdkSigned.ACCESS_KEY_ID, SdkSigned.SECRET, NOW);
  }

  private static Map<String, List<String>> headers(String... nameValues) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.put(nameValues[i], Collections.singletonList(nameValues[i + 1]));
    }
    return headers;
  }

  @Test
  void acceptsTheAwsDocumentationGetObjectExample() throws S3Failure {
    RequestHead head =
        new RequestHead(
            "GET",
            "/test.txt",
            "",
            headers(
                "Host", "examplebucket.s3.amazonaws.com",
                "Range", "bytes=0-9",
                "x-amz-content-sha256", SigV4Crypto.EMPTY_SHA256,
                "x-amz-date", "20130524T000000Z",
                "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));

    SigV4Context context = verifier(DOC_KEY, DOC_SECRET, DOC_TIME).verify(head);

    assertEquals(DOC_KEY, context.accessKeyId());
    assertEquals(PayloadMode.SIGNED, context.payloadMode());
  }

  @Test
  void acceptsTheAwsDocumentationPresignedUrlExample() throws S3Failure {
    RequestHead head =
        new RequestHead(
            "GET",
            "/test.txt",
            "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            headers("Host", "examplebucket.s3.amazonaws.com"));

    SigV4Context context =
        verifier(DOC_KEY, DOC_SECRET, DOC_TIME.plus(Duration.ofHours(1))).verify(head);

    assertEquals(PayloadMode.UNSIGNED, context.payloadMode());
    S3Failure expired =
        assertThrows(
            S3Failure.class,
            () -> verifier(DOC_KEY, DOC_SECRET, DOC_TIME.plus(Duration.ofDays(2))).verify(head));
    assertEquals("AccessDenied", expired.code());
  }

  @Test
  void acceptsTheAwsDocumentationChunkedUploadSeedSignature() throws S3Failure {
    SigV4Context context = verifier(DOC_KEY, DOC_SECRET, DOC_TIME).verify(AwsChunkedExample.head());

    assertEquals(PayloadMode.STREAMING_SIGNED, context.payloadMode());
  }

  @Test
  void acceptsHeaderSignaturesOfTheSdkSignerWithSignedPayload() throws S3Failure {
    byte[] body = "hello, emulator".getBytes(StandardCharsets.UTF_8);
    SdkSigned signed =
        SdkSigned.sign(
            SdkHttpMethod.PUT,
            "http://127.0.0.1:9000/bucket/dir/a%20key+%E2%82%AC~!.txt?uploadId=u%2B1&partNumber=2",
            headers1("x-amz-meta-colour", "  deep   blue "),
            body,
            Clock.fixed(NOW, ZoneOffset.UTC),
            r -> r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true));

    SigV4Context context = sdkVerifier().verify(signed.head);

    assertEquals(PayloadMode.SIGNED, context.payloadMode());
    assertEquals(SigV4Crypto.hex(SigV4Crypto.sha256().digest(body)), context.payloadHash());
  }

  @Test
  void acceptsUnsignedPayloadAndPresignedQueryOfTheSdkSigner() throws S3Failure {
    SdkSigned unsigned =
        SdkSigned.sign(
            SdkHttpMethod.PUT,
            "https://localhost:9000/bucket/key",
            headers1("Content-Type", "text/plain"),
            new byte[] {1, 2, 3},
            Clock.fixed(NOW, ZoneOffset.UTC),
            r -> r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    SdkSigned presigned =
        SdkSigned.sign(
            SdkHttpMethod.GET,
            "http://localhost:9000/bucket/some/key?versionId=null",
            Collections.<String, String>emptyMap(),
            null,
            Clock.fixed(NOW.minus(Duration.ofMinutes(30)), ZoneOffset.UTC),
            r ->
                // as S3Presigner does: presigned URLs carry UNSIGNED-PAYLOAD
                r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofHours(1)));

    assertEquals(PayloadMode.UNSIGNED, sdkVerifier().verify(unsigned.head).payloadMode());
    assertTrue(presigned.head.hasQueryParam("X-Amz-Signature"));
    assertEquals(PayloadMode.UNSIGNED, sdkVerifier().verify(presigned.head).payloadMode());
  }

  @Test
  void rejectsAWrongSecretAnUnknownKeyAndASkewedClock() {
    SdkSigned signed =
        SdkSigned.sign(
            SdkHttpMethod.GET,
            "http://localhost:9000/bucket/key",
            Collections.<String, String>emptyMap(),
            null,
            Clock.fixed(NOW, ZoneOffset.UTC),
            r -> {});

    assertEquals(
        "SignatureDoesNotMatch",
        assertThrows(
                S3Failure.class,
                () -> verifier(SdkSigned.ACCESS_KEY_ID, "other", NOW).verify(signed.head))
            .code());
    assertEquals(
        "InvalidAccessKeyId",
        assertThrows(S3Failure.class, () -> verifier("SOMEONEELSE", "x", NOW).verify(signed.head))
            .code());
    S3Failure skewed =
        assertThrows(
            S3Failure.class,
            () ->
                verifier(
                        SdkSigned.ACCESS_KEY_ID, SdkSigned.SECRET, NOW.plus(Duration.ofMinutes(16)))
                    .verify(signed.head));
    assertEquals("RequestTimeTooSkewed", skewed.code());
    assertEquals(403, skewed.status());
  }

  @Test
  void rejectsATamperedPathOrQuery() {
    SdkSigned signed =
        SdkSigned.sign(
            SdkHttpMethod.GET,
            "http://localhost:9000/bucket/key?list-type=2&prefix=a",
            Collections.<String, String>emptyMap(),
            null,
            Clock.fixed(NOW, ZoneOffset.UTC),
            r -> {});
    RequestHead otherPath =
        new RequestHead("GET", "/bucket/key2", signed.head.rawQuery(), signed.head.headers());
    RequestHead otherQuery =
        new RequestHead("GET", "/bucket/key", "list-type=2&prefix=b", signed.head.headers());

    assertEquals(
        "SignatureDoesNotMatch",
        assertThrows(S3Failure.class, () -> sdkVerifier().verify(otherPath)).code());
    assertEquals(
        "SignatureDoesNotMatch",
        assertThrows(S3Failure.class, () -> sdkVerifier().verify(otherQuery)).code());
  }

  private static Map<String, String> headers1(String name, String value) {
    return Collections.singletonMap(name, value);
  }
}
