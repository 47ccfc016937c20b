package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.RawHttp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STS temporary credentials: the token in {@code x-oss-security-token} (a V1 canonicalized OSS
 * header) or {@code security-token} (a V1 presigned sub-resource), hand-signed and through the SDK;
 * missing, wrong and expired tokens answered as OSS does.
 */
class SecurityTokenTest {
  private static final String AK = "perm-ak";
  private static final String SECRET = "perm-secret";
  private static final String TMP_AK = "STS.built-ak";
  private static final String TMP_SECRET = "built-secret";
  private static final String TOKEN = "CAIS-built-token";
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss =
        OssEmulator.builder()
            .credentials(AK, SECRET)
            .securityToken(TMP_AK, TMP_SECRET, TOKEN)
            .bucket("sts")
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  private static RawSocket.Response v1(String ak, String secret, String token) throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h = new LinkedHashMap<String, String>();
    h.put("Date", now);
    if (token != null) {
      h.put("x-oss-security-token", token);
    }
    String sig = DocSigner.v1Signature(secret, DocSigner.v1StringToSign("GET", h, now, "/sts/"));
    h.put("Authorization", "OSS " + ak + ":" + sig);
    return RawSocket.send(oss.port(), "GET", "/sts/", h, null);
  }

  private static void assertError(RawSocket.Response r, String code) {
    assertEquals(403, r.status, r.toString());
    assertEquals(code, r.errorCode(), r.toString());
  }

  @Test
  void theTokenHeaderIsACanonicalizedOssHeader() throws Exception {
    assertEquals(200, v1(TMP_AK, TMP_SECRET, TOKEN).status);
  }

  @Test
  void aTemporaryIdWithoutItsTokenIsInvalidAccessKeyId() throws Exception {
    assertError(v1(TMP_AK, TMP_SECRET, null), "InvalidAccessKeyId");
  }

  @Test
  void aWrongTokenIsInvalidSecurityToken() throws Exception {
    assertError(v1(TMP_AK, TMP_SECRET, "CAIS-other"), "InvalidSecurityToken");
    assertError(v1(AK, SECRET, TOKEN), "InvalidSecurityToken");
  }

  @Test
  void thePresignedTokenIsASignedSubresource() throws Exception {
    long expires = System.currentTimeMillis() / 1000 + 300;
    String withToken = "/sts/?security-token=" + TOKEN;
    String sig =
        DocSigner.v1Signature(
            TMP_SECRET,
            DocSigner.v1StringToSign(
                "GET", new LinkedHashMap<String, String>(), Long.toString(expires), withToken));
    String url =
        "/sts/?OSSAccessKeyId="
            + TMP_AK
            + "&Expires="
            + expires
            + "&Signature="
            + DocSigner.uriEncode(sig)
            + "&security-token="
            + TOKEN;
    Map<String, String> none = new LinkedHashMap<String, String>();
    assertEquals(200, RawSocket.send(oss.port(), "GET", url, none, null).status);

    String unsignedToken =
        DocSigner.v1Signature(
            TMP_SECRET, DocSigner.v1StringToSign("GET", none, Long.toString(expires), "/sts/"));
    String bad = url.replace(DocSigner.uriEncode(sig), DocSigner.uriEncode(unsignedToken));
    assertError(RawSocket.send(oss.port(), "GET", bad, none, null), "SignatureDoesNotMatch");
  }

  @Test
  void anExpiredTokenIsSecurityTokenExpired() throws Exception {
    oss.addSecurityToken("STS.runtime-ak", "runtime-secret", "CAIS-runtime");
    assertEquals(200, v1("STS.runtime-ak", "runtime-secret", "CAIS-runtime").status);
    oss.expireSecurityToken("CAIS-runtime");
    RawSocket.Response r = v1("STS.runtime-ak", "runtime-secret", "CAIS-runtime");
    assertError(r, "SecurityTokenExpired");
    assertEquals("The security token you provided has expired.", r.element("Message"));
    assertThrows(IllegalArgumentException.class, () -> oss.expireSecurityToken("CAIS-never"));
  }

  private static ClientBuilderConfiguration noRetries(SignVersion v) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    conf.setSignatureVersion(v);
    return conf;
  }

  @Test
  void theSdkWorksWithATokenUntilItExpires() throws Exception {
    oss.addSecurityToken("STS.sdk-ak", "sdk-secret", "CAIS-sdk");
    OSS v1 =
        new OSSClientBuilder()
            .build(
                oss.endpoint(), "STS.sdk-ak", "sdk-secret", "CAIS-sdk", noRetries(SignVersion.V1));
    OSS v4 =
        OSSClientBuilder.create()
            .endpoint(oss.endpoint())
            .credentialsProvider(
                new DefaultCredentialProvider("STS.sdk-ak", "sdk-secret", "CAIS-sdk"))
            .clientConfiguration(noRetries(SignVersion.V4))
            .region(oss.region())
            .build();
    try {
      byte[] data = "temporary".getBytes(StandardCharsets.UTF_8);
      v1.putObject("sts", "tmp.txt", new ByteArrayInputStream(data));
      assertEquals("temporary", text(v4.getObject("sts", "tmp.txt").getObjectContent()));
      java.net.URL url =
          v1.generatePresignedUrl(
              "sts", "tmp.txt", new java.util.Date(System.currentTimeMillis() + 60_000));
      assertEquals("temporary", RawHttp.call("GET", url.toString(), null).text());
      java.net.URL url4 =
          v4.generatePresignedUrl(
              "sts", "tmp.txt", new java.util.Date(System.currentTimeMillis() + 60_000));
      assertTrue(url4.getQuery().contains("x-oss-security-token=CAIS-sdk"), url4.toString());
      assertEquals("temporary", RawHttp.call("GET", url4.toString(), null).text());

      oss.expireSecurityToken("CAIS-sdk");
      OSSException e1 = assertThrows(OSSException.class, () -> v1.getObject("sts", "tmp.txt"));
      assertEquals("SecurityTokenExpired", e1.getErrorCode());
      OSSException e4 = assertThrows(OSSException.class, () -> v4.listObjects("sts"));
      assertEquals("SecurityTokenExpired", e4.getErrorCode());
    } finally {
      v1.shutdown();
      v4.shutdown();
    }
  }

  private static String text(java.io.InputStream in) throws java.io.IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[4096];
    for (int n = in.read(b); n >= 0; n = in.read(b)) {
      buf.write(b, 0, n);
    }
    in.close();
    return new String(buf.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void theAdminApiAddsAndExpiresTokens() throws Exception {
    String admin = oss.endpoint() + "/_emulator/security-tokens";
    assertEquals(
        204,
        RawHttp.call(
                "POST",
                admin + "?accessKeyId=STS.admin-ak&secret=admin-secret&token=CAIS-admin",
                null)
            .status);
    assertEquals(200, v1("STS.admin-ak", "admin-secret", "CAIS-admin").status);
    assertEquals(204, RawHttp.call("POST", admin + "/expire?token=CAIS-admin", null).status);
    assertError(v1("STS.admin-ak", "admin-secret", "CAIS-admin"), "SecurityTokenExpired");
    assertEquals(404, RawHttp.call("POST", admin + "/expire?token=CAIS-never", null).status);
    assertEquals(400, RawHttp.call("POST", admin + "?accessKeyId=STS.x", null).status);
  }
}
