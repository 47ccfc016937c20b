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
 * V1 requests built by hand from the OSS V1 documentation ({@link DocSigner}), sent on a raw
 * socket: the Date / x-oss-date rules, the CanonicalizedResource sub-resources, presigned URLs, and
 * for each rule a wrong variant that must fail with the right code.
 */
class HandSignedV1Test {
  private static final String AK = "hand-ak";
  private static final String SECRET = "hand-secret";
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().credentials(AK, SECRET).bucket("hand").build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  /** Signs with the given Date line and canonicalized resource, then sends. */
  private static RawSocket.Response send(
      String method,
      String target,
      Map<String, String> headers,
      String dateLine,
      String resource,
      byte[] body)
      throws Exception {
    String toSign = DocSigner.v1StringToSign(method, headers, dateLine, resource);
    Map<String, String> all = new LinkedHashMap<String, String>(headers);
    all.put("Authorization", "OSS " + AK + ":" + DocSigner.v1Signature(SECRET, toSign));
    return RawSocket.send(oss.port(), method, target, all, body);
  }

  private static Map<String, String> headers(String... nameValues) {
    Map<String, String> m = new LinkedHashMap<String, String>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      m.put(nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertError(RawSocket.Response r, int status, String code) {
    assertEquals(status, r.status, r.toString());
    assertEquals(code, r.errorCode(), r.toString());
  }

  @Test
  void xOssDateWithoutDateSignsTheDateLineAsABrowserDoes() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h =
        headers("x-oss-date", now, "Content-Type", "text/plain", "X-OSS-Meta-Color", " blue ");
    RawSocket.Response put =
        send("PUT", "/hand/browser.txt", h, now, "/hand/browser.txt", utf8("from a browser"));
    assertEquals(200, put.status, put.toString());

    RawSocket.Response get =
        send("GET", "/hand/browser.txt", headers("Date", now), now, "/hand/browser.txt", null);
    assertEquals("from a browser", get.body);
    assertEquals("blue", get.headers.get("x-oss-meta-color"));
  }

  @Test
  void xOssDateInIso8601BasicIsAccepted() throws Exception {
    String now = DocSigner.iso8601Basic(System.currentTimeMillis());
    RawSocket.Response r =
        send("PUT", "/hand/iso.txt", headers("x-oss-date", now), now, "/hand/iso.txt", utf8("x"));
    assertEquals(200, r.status, r.toString());
  }

  @Test
  void xOssDateWinsOverDateInTheDateLine() throws Exception {
    long now = System.currentTimeMillis();
    String stale = DocSigner.gmt(now - 60 * 60 * 1000L);
    String fresh = DocSigner.gmt(now);
    Map<String, String> h = headers("Date", stale, "x-oss-date", fresh);
    assertEquals(200, send("GET", "/hand/", h, fresh, "/hand/", null).status);
    assertError(send("GET", "/hand/", h, stale, "/hand/", null), 403, "SignatureDoesNotMatch");
  }

  @Test
  void theSkewIsCheckedOnXOssDate() throws Exception {
    long now = System.currentTimeMillis();
    String old = DocSigner.gmt(now - 20 * 60 * 1000L);
    Map<String, String> h = headers("Date", DocSigner.gmt(now), "x-oss-date", old);
    assertError(send("GET", "/hand/", h, old, "/hand/", null), 403, "RequestTimeTooSkewed");
  }

  @Test
  void noDateAtAllIsAccessDenied() throws Exception {
    assertError(send("GET", "/hand/", headers(), "", "/hand/", null), 403, "AccessDenied");
  }

  @Test
  void anUnparsableXOssDateIsAccessDeniedEvenWithAValidDate() throws Exception {
    Map<String, String> h =
        headers("Date", DocSigner.gmt(System.currentTimeMillis()), "x-oss-date", "yesterday");
    assertError(send("GET", "/hand/", h, "yesterday", "/hand/", null), 403, "AccessDenied");
  }

  @Test
  void aValuelessSubresourceSentWithEqualsIsSignedWithout() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h = headers("Date", now);
    RawSocket.Response init =
        send("POST", "/hand/mp.bin?uploads=", h, now, "/hand/mp.bin?uploads", null);
    assertEquals(200, init.status, init.toString());
    String uploadId = init.element("UploadId");
    assertNotNull(uploadId);

    assertError(
        send("POST", "/hand/mp.bin?uploads=", h, now, "/hand/mp.bin?uploads=", null),
        403,
        "SignatureDoesNotMatch");

    String part = "/hand/mp.bin?partNumber=1&uploadId=" + uploadId;
    RawSocket.Response put = send("PUT", part, h, now, part, utf8("part one"));
    assertEquals(200, put.status, put.toString());
    assertError(
        send("PUT", part, h, now, "/hand/mp.bin?uploadId=" + uploadId, utf8("part one")),
        403,
        "SignatureDoesNotMatch");
  }

  @Test
  void deleteWithEqualsAndEncodingTypeSignsOnlyDelete() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    send("PUT", "/hand/gone.txt", headers("Date", now), now, "/hand/gone.txt", utf8("x"));
    byte[] xml = utf8("<Delete><Quiet>false</Quiet><Object><Key>gone.txt</Key></Object></Delete>");
    Map<String, String> h =
        headers(
            "Date",
            now,
            "Content-MD5",
            DocSigner.contentMd5(xml),
            "Content-Type",
            "application/xml");
    String target = "/hand/?delete=&encoding-type=url";
    RawSocket.Response r = send("POST", target, h, now, "/hand/?delete", xml);
    assertEquals(200, r.status, r.toString());
    assertEquals("gone.txt", r.element("Key"));
    assertError(
        send("POST", target, h, now, "/hand/?delete&encoding-type=url", xml),
        403,
        "SignatureDoesNotMatch");
  }

  @Test
  void listingOptionsAreNotSubresources() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h = headers("Date", now);
    String target = "/hand/?prefix=b&max-keys=5&delimiter=%2F&marker=a";
    assertEquals(200, send("GET", target, h, now, "/hand/", null).status);
    assertError(send("GET", target, h, now, "/hand/?prefix=b", null), 403, "SignatureDoesNotMatch");
  }

  @Test
  void responseHeaderOverridesAreSubresourcesSignedWithTheirDecodedValue() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h = headers("Date", now);
    send("PUT", "/hand/page.html", h, now, "/hand/page.html", utf8("<p/>"));
    String target = "/hand/page.html?response-content-type=text%2Fhtml";
    RawSocket.Response r =
        send("GET", target, h, now, "/hand/page.html?response-content-type=text/html", null);
    assertEquals(200, r.status, r.toString());
    assertEquals("text/html", r.headers.get("content-type"));
    assertError(send("GET", target, h, now, "/hand/page.html", null), 403, "SignatureDoesNotMatch");
  }

  @Test
  void presignedUrlSignsExpiresInTheDateLine() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    send("PUT", "/hand/shared.txt", headers("Date", now), now, "/hand/shared.txt", utf8("shared"));
    long expires = System.currentTimeMillis() / 1000 + 300;
    String sig =
        DocSigner.v1Signature(
            SECRET,
            DocSigner.v1StringToSign("GET", headers(), Long.toString(expires), "/hand/shared.txt"));
    String url =
        "/hand/shared.txt?OSSAccessKeyId="
            + AK
            + "&Expires="
            + expires
            + "&Signature="
            + DocSigner.uriEncode(sig);
    RawSocket.Response r = RawSocket.send(oss.port(), "GET", url, headers(), null);
    assertEquals("shared", r.body, r.toString());

    String tampered = url.replace("Expires=" + expires, "Expires=" + (expires + 1));
    assertError(
        RawSocket.send(oss.port(), "GET", tampered, headers(), null), 403, "SignatureDoesNotMatch");

    long past = System.currentTimeMillis() / 1000 - 10;
    String pastSig =
        DocSigner.v1Signature(
            SECRET,
            DocSigner.v1StringToSign("GET", headers(), Long.toString(past), "/hand/shared.txt"));
    String expired =
        "/hand/shared.txt?OSSAccessKeyId="
            + AK
            + "&Expires="
            + past
            + "&Signature="
            + DocSigner.uriEncode(pastSig);
    assertError(RawSocket.send(oss.port(), "GET", expired, headers(), null), 403, "AccessDenied");
  }

  @Test
  void anUnknownKeyAndAWrongSecretFailDifferently() throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    String toSign = DocSigner.v1StringToSign("GET", headers("Date", now), now, "/hand/");
    RawSocket.Response unknown =
        RawSocket.send(
            oss.port(),
            "GET",
            "/hand/",
            headers(
                "Date",
                now,
                "Authorization",
                "OSS nobody:" + DocSigner.v1Signature(SECRET, toSign)),
            null);
    assertError(unknown, 403, "InvalidAccessKeyId");
    RawSocket.Response wrong =
        RawSocket.send(
            oss.port(),
            "GET",
            "/hand/",
            headers(
                "Date",
                now,
                "Authorization",
                "OSS " + AK + ":" + DocSigner.v1Signature("x", toSign)),
            null);
    assertError(wrong, 403, "SignatureDoesNotMatch");
  }
}
