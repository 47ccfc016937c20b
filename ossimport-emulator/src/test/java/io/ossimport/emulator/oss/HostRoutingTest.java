package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which Host names which bucket: virtual host on the base host and on the regional OSS endpoints,
 * path style on an IP, localhost, the base host or a bare endpoint, and a clear error for anything
 * else. Requests are V1-signed by hand; the CanonicalizedResource is always /bucket/key.
 */
class HostRoutingTest {
  private static final String AK = "route-ak";
  private static final String SECRET = "route-secret";
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss =
        OssEmulator.builder()
            .credentials(AK, SECRET)
            .baseHost("oss.test")
            .region("cn-hangzhou")
            .bucket("routed")
            .build()
            .start();
    RawSocket.Response put = get("PUT", "127.0.0.1", "/routed/dir/a.txt", "/routed/dir/a.txt");
    assertEquals(200, put.status, put.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  private static RawSocket.Response get(String method, String host, String target, String resource)
      throws Exception {
    String now = DocSigner.gmt(System.currentTimeMillis());
    Map<String, String> h = new LinkedHashMap<String, String>();
    h.put("Host", host);
    h.put("Date", now);
    String sig = DocSigner.v1Signature(SECRET, DocSigner.v1StringToSign(method, h, now, resource));
    h.put("Authorization", "OSS " + AK + ":" + sig);
    byte[] body = method.equals("PUT") ? "routed".getBytes(StandardCharsets.UTF_8) : null;
    return RawSocket.send(oss.port(), method, target, h, body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "routed.oss.test",
        "routed.oss.test:8080",
        "ROUTED.OSS.TEST.",
        "routed.oss-cn-hangzhou.aliyuncs.com",
        "routed.oss-cn-hangzhou-internal.aliyuncs.com:80"
      })
  void virtualHostStyle(String host) throws Exception {
    RawSocket.Response r = get("GET", host, "/dir/a.txt", "/routed/dir/a.txt");
    assertEquals(200, r.status, r.toString());
    assertEquals("routed", r.body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.1:9000",
        "[::1]:9000",
        "localhost",
        "oss.test",
        "oss-cn-hangzhou.aliyuncs.com",
        "oss-cn-beijing-internal.aliyuncs.com"
      })
  void pathStyle(String host) throws Exception {
    RawSocket.Response r = get("GET", host, "/routed/dir/a.txt", "/routed/dir/a.txt");
    assertEquals(200, r.status, r.toString());
    assertEquals("routed", r.body);
  }

  @Test
  void aBareEndpointServesListBuckets() throws Exception {
    RawSocket.Response r = get("GET", "oss-cn-hangzhou.aliyuncs.com", "/", "/");
    assertEquals(200, r.status, r.toString());
    assertTrue(r.body.contains("<Name>routed</Name>"), r.body);
  }

  @Test
  void aBucketOnAnotherRegionsEndpointIsToldTheRightEndpoint() throws Exception {
    RawSocket.Response r =
        get("GET", "routed.oss-cn-beijing.aliyuncs.com", "/dir/a.txt", "/routed/dir/a.txt");
    assertEquals(403, r.status, r.toString());
    assertEquals("AccessDenied", r.errorCode());
    assertEquals("oss-cn-hangzhou.aliyuncs.com", r.element("Endpoint"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"storage.example.com", "a.routed.oss.test", "routed.localhost"})
  void anUnknownHostIsAClearErrorNotAPathStyleGuess(String host) throws Exception {
    RawSocket.Response r = get("GET", host, "/dir/a.txt", "/dir/a.txt");
    assertEquals(400, r.status, r.toString());
    assertEquals("InvalidArgument", r.errorCode());
    assertEquals("Host", r.element("ArgumentName"));
    assertEquals(host, r.element("ArgumentValue"));
    String message = r.element("Message").replace("&apos;", "'");
    assertTrue(message.contains("does not serve Host '" + host + "'"), message);
    assertTrue(message.contains("base host 'oss.test'"), message);
  }
}
