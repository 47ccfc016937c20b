package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ossimport.emulator.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V4 requests built by hand from the OSS V4 documentation ({@link DocSigner}), header and
 * presigned, with wrong variants that must fail with the right codes.
 */
class HandSignedV4Test {
  private static final String AK = "v4-ak";
  private static final String SECRET = "v4-secret";
  private static final String REGION = "cn-shanghai";
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss =
        OssEmulator.builder()
            .credentials(AK, SECRET)
            .region(REGION)
            .bucket("hand4")
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  private static Map<String, String> map(String... nameValues) {
    Map<String, String> m = new LinkedHashMap<String, String>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      m.put(nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  /** Header-signed request; {@code query} is what the target carries, decoded. */
  private static RawSocket.Response send(
      String method,
      String target,
      String resource,
      Map<String, String> query,
      String region,
      String secret,
      byte[] body)
      throws Exception {
    String dateTime = DocSigner.iso8601Basic(System.currentTimeMillis());
    Map<String, String> h = map("x-oss-date", dateTime, "x-oss-content-sha256", "UNSIGNED-PAYLOAD");
    String canonical = DocSigner.v4CanonicalRequest(method, resource, query, h);
    String sig = DocSigner.v4Signature(secret, dateTime, region, canonical);
    h.put(
        "Authorization",
        "OSS4-HMAC-SHA256 Credential="
            + DocSigner.v4Credential(AK, dateTime, region)
            + ",Signature="
            + sig);
    return RawSocket.send(oss.port(), method, target, h, body);
  }

  private static void assertError(RawSocket.Response r, int status, String code) {
    assertEquals(status, r.status, r.toString());
    assertEquals(code, r.errorCode(), r.toString());
  }

  @Test
  void headerSignedPutAndGet() throws Exception {
    byte[] body = "v4 body".getBytes(StandardCharsets.UTF_8);
    RawSocket.Response put =
        send("PUT", "/hand4/dir/a%20b.txt", "/hand4/dir/a b.txt", map(), REGION, SECRET, body);
    assertEquals(200, put.status, put.toString());
    RawSocket.Response get =
        send("GET", "/hand4/dir/a%20b.txt", "/hand4/dir/a b.txt", map(), REGION, SECRET, null);
    assertEquals("v4 body", get.body);
  }

  @Test
  void aValuelessParameterIsCanonicalisedAsItsNameAlone() throws Exception {
    RawSocket.Response init =
        send(
            "POST",
            "/hand4/big.bin?uploads=",
            "/hand4/big.bin",
            map("uploads", ""),
            REGION,
            SECRET,
            null);
    assertEquals(200, init.status, init.toString());
    assertNotNull(init.element("UploadId"));
  }

  @Test
  void everyQueryParameterIsSigned() throws Exception {
    // Unlike V1, V4 signs all parameters: leaving prefix out of the canonical query breaks it.
    assertEquals(
        200,
        send(
                "GET",
                "/hand4/?prefix=d&max-keys=2",
                "/hand4/",
                map("prefix", "d", "max-keys", "2"),
                REGION,
                SECRET,
                null)
            .status);
    assertError(
        send(
            "GET",
            "/hand4/?prefix=d&max-keys=2",
            "/hand4/",
            map("max-keys", "2"),
            REGION,
            SECRET,
            null),
        403,
        "SignatureDoesNotMatch");
  }

  @Test
  void aWrongSecretOrRegionIsSignatureDoesNotMatch() throws Exception {
    assertError(
        send("GET", "/hand4/", "/hand4/", map(), REGION, "nope", null),
        403,
        "SignatureDoesNotMatch");
    assertError(
        send("GET", "/hand4/", "/hand4/", map(), "cn-beijing", SECRET, null),
        403,
        "SignatureDoesNotMatch");
  }

  private static String presigned(String resource, long signedAt, int expires, String secret) {
    String dateTime = DocSigner.iso8601Basic(signedAt);
    Map<String, String> q =
        map(
            "x-oss-signature-version",
            "OSS4-HMAC-SHA256",
            "x-oss-credential",
            DocSigner.v4Credential(AK, dateTime, REGION),
            "x-oss-date",
            dateTime,
            "x-oss-expires",
            Integer.toString(expires));
    String sig =
        DocSigner.v4Signature(
            secret, dateTime, REGION, DocSigner.v4CanonicalRequest("GET", resource, q, map()));
    StringBuilder url = new StringBuilder(resource).append('?');
    for (Map.Entry<String, String> p : q.entrySet()) {
      url.append(p.getKey()).append('=').append(DocSigner.uriEncode(p.getValue())).append('&');
    }
    return url.append("x-oss-signature=").append(sig).toString();
  }

  @Test
  void presignedUrl() throws Exception {
    byte[] body = "presigned v4".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        200, send("PUT", "/hand4/p.txt", "/hand4/p.txt", map(), REGION, SECRET, body).status);
    long now = System.currentTimeMillis();

    RawSocket.Response ok =
        RawSocket.send(oss.port(), "GET", presigned("/hand4/p.txt", now, 60, SECRET), map(), null);
    assertEquals("presigned v4", ok.body, ok.toString());

    assertError(
        RawSocket.send(oss.port(), "GET", presigned("/hand4/p.txt", now, 60, "nope"), map(), null),
        403,
        "SignatureDoesNotMatch");
    assertError(
        RawSocket.send(
            oss.port(), "GET", presigned("/hand4/p.txt", now - 120_000L, 60, SECRET), map(), null),
        403,
        "AccessDenied");
  }
}
