package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OssEmulator.Builder#tls}: the same server over HTTPS with a certificate of a private CA
 * ({@link TestCertificates}); a client that trusts the CA talks OSS, one that does not fails the
 * handshake.
 */
class TlsTest {
  @TempDir static Path dir;
  static TestCertificates certs;
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    certs = TestCertificates.create(dir);
    oss =
        OssEmulator.builder()
            .allowAnonymous(true)
            .bucket("tls")
            .tls(certs.serverContext())
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  @Test
  void theEndpointIsHttpsAndAClientTrustingTheCaPutsAndGets() throws Exception {
    assertTrue(oss.endpoint().startsWith("https://127.0.0.1:"), oss.endpoint());
    SSLContext client = certs.clientContext();

    HttpsURLConnection put = open("/tls/hello.txt", client);
    put.setRequestMethod("PUT");
    put.setDoOutput(true);
    try (OutputStream body = put.getOutputStream()) {
      body.write("over TLS".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(200, put.getResponseCode());
    HttpsURLConnection get = open("/tls/hello.txt", client);

    assertEquals(200, get.getResponseCode());
    assertEquals("over TLS", read(get.getInputStream()));
    assertEquals(1, oss.counters().get(Operation.PutObject));
  }

  @Test
  void aClientThatDoesNotTrustTheCaFailsTheHandshake() throws Exception {
    HttpsURLConnection get = open("/tls/hello.txt", SSLContext.getDefault());

    assertThrows(SSLHandshakeException.class, get::getResponseCode);
  }

  private static HttpsURLConnection open(String path, SSLContext context) throws IOException {
    HttpsURLConnection c =
        (HttpsURLConnection) new URL(oss.endpoint() + path).openConnection(Proxy.NO_PROXY);
    c.setSSLSocketFactory(context.getSocketFactory());
    return c;
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[4096];
    for (int n; (n = in.read(b)) > 0; ) {
      out.write(b, 0, n);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
