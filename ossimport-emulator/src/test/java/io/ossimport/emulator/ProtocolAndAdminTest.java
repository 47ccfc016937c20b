package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wire-level behaviour (anonymous access on) and the admin endpoint. */
class ProtocolAndAdminTest {
  static OssEmulator oss;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().allowAnonymous(true).bucket("proto").build().start();
    base = oss.endpoint();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  static void assertError(RawHttp.Response r, int status, String code) {
    assertEquals(status, r.status, r.text());
    assertEquals(code, r.errorCode(), r.text());
    assertTrue(r.header("x-oss-request-id").matches("[0-9A-F]{24}"));
  }

  @Test
  void everyResponseCarriesA24HexRequestId() throws Exception {
    for (RawHttp.Response r :
        new RawHttp.Response[] {
          RawHttp.call("GET", base + "/", null),
          RawHttp.call("GET", base + "/proto/missing", null),
          RawHttp.call("GET", base + "/_emulator/health", null)
        }) {
      assertTrue(r.header("x-oss-request-id").matches("[0-9A-F]{24}"));
    }
  }

  @Test
  void unimplementedSubResourcesAnswer501NeverSuccess() throws Exception {
    RawHttp.call("PUT", base + "/proto/k", new byte[] {1});
    for (String q :
        new String[] {
          "?symlink",
          "?append&position=0",
          "?tagging&versionId=1",
          "?versionId=1",
          "?x-oss-process=image/resize"
        }) {
      assertError(RawHttp.call("GET", base + "/proto/k" + q, null), 501, "NotImplemented");
    }
    assertError(RawHttp.call("PUT", base + "/proto?lifecycle", new byte[0]), 501, "NotImplemented");
    assertError(RawHttp.call("GET", base + "/proto?website", null), 501, "NotImplemented");
    assertError(RawHttp.call("GET", base + "/proto?tagging", null), 501, "NotImplemented");
    assertError(
        RawHttp.call("POST", base + "/proto/k?restore", new byte[0]), 501, "NotImplemented");
    assertEquals(9, oss.counters().get(Operation.NotImplemented));
  }

  @Test
  void invalidNamesAndArguments() throws Exception {
    assertError(
        RawHttp.call("PUT", base + "/proto/%5Cback", new byte[] {1}), 400, "InvalidObjectName");
    assertError(
        RawHttp.call("PUT", base + "/proto/%2Fslash", new byte[] {1}), 400, "InvalidObjectName");
    StringBuilder longKey = new StringBuilder();
    for (int i = 0; i < 1024; i++) {
      longKey.append('k');
    }
    assertError(
        RawHttp.call("PUT", base + "/proto/" + longKey, new byte[] {1}), 400, "InvalidObjectName");
    assertError(RawHttp.call("GET", base + "/Bad_Bucket/k", null), 400, "InvalidBucketName");
    String id =
        between(RawHttp.call("POST", base + "/proto/mp?uploads", new byte[0]).text(), "UploadId");
    assertError(
        RawHttp.call("PUT", base + "/proto/mp?partNumber=10001&uploadId=" + id, new byte[] {1}),
        400,
        "InvalidArgument");
    assertError(
        RawHttp.call("PUT", base + "/proto/mp?partNumber=0&uploadId=" + id, new byte[] {1}),
        400,
        "InvalidArgument");
    assertError(RawHttp.call("GET", base + "/proto?max-keys=1001", null), 400, "InvalidArgument");
  }

  @Test
  void contentMd5IsChecked() throws Exception {
    byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
    String good =
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("MD5").digest(body));
    assertEquals(200, RawHttp.call("PUT", base + "/proto/md5", body, "Content-MD5", good).status);
    String wrong = Base64.getEncoder().encodeToString(new byte[16]);
    assertError(
        RawHttp.call("PUT", base + "/proto/md5", body, "Content-MD5", wrong), 400, "BadDigest");
    assertError(
        RawHttp.call("PUT", base + "/proto/md5", body, "Content-MD5", "xyz"), 400, "InvalidDigest");
  }

  @Test
  void headErrorsCarryTheErrorXmlInXossErr() throws Exception {
    RawHttp.Response r = RawHttp.call("HEAD", base + "/proto/none", null);
    assertEquals(404, r.status);
    String xml =
        new String(Base64.getDecoder().decode(r.header("x-oss-err")), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<Code>NoSuchKey</Code>"));
  }

  @Test
  void methodNotAllowed() throws Exception {
    RawHttp.Response r = RawHttp.call("OPTIONS", base + "/proto/k", null);
    assertEquals(405, r.status);
    assertEquals("MethodNotAllowed", r.errorCode());
  }

  @Test
  void chunkedUploadWithExpectContinueAndVirtualHostRead() throws Exception {
    try (Socket s = new Socket("127.0.0.1", oss.port())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(
          ("PUT /proto/chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertTrue(readHead(in).startsWith("HTTP/1.1 100"));
      out.write("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String head = readHead(in);
      assertTrue(head.startsWith("HTTP/1.1 200"), head);
      assertTrue(head.contains("x-oss-hash-crc64ecma: "));
    }
    try (Socket s = new Socket("127.0.0.1", oss.port())) {
      s.getOutputStream()
          .write(
              ("GET /chunked HTTP/1.1\r\nHost: proto.localhost:"
                      + oss.port()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      int c;
      while ((c = in.read()) != -1) {
        all.write(c);
      }
      String text = all.toString("UTF-8");
      assertTrue(text.startsWith("HTTP/1.1 200"), text);
      assertTrue(text.endsWith("\r\n\r\nhello world"), text);
    }
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      String t = b.toString("ISO-8859-1");
      if (t.endsWith("\r\n\r\n")) {
        if (t.contains("Content-Length: ") && !t.contains("Content-Length: 0")) {
          int len = Integer.parseInt(t.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
          for (int i = 0; i < len; i++) {
            in.read();
          }
        }
        return t;
      }
    }
    return b.toString("ISO-8859-1");
  }

  static String between(String xml, String tag) {
    int a = xml.indexOf("<" + tag + ">");
    return xml.substring(a + tag.length() + 2, xml.indexOf("</" + tag + ">"));
  }

  @Test
  void adminEndpointCountsPlansFaultsAndCreatesBuckets() throws Exception {
    oss.counters().reset();
    RawHttp.call("PUT", base + "/proto/c1", new byte[100]);
    RawHttp.call("GET", base + "/proto/c1", null);
    String counters = RawHttp.call("GET", base + "/_emulator/counters", null).text();
    assertTrue(counters.contains("\"PutObject\":1"), counters);
    assertTrue(counters.contains("\"GetObject\":1"), counters);
    assertTrue(counters.contains("\"bytesReceived\":100"), counters);
    assertTrue(counters.contains("\"bytesSent\":100"), counters);
    assertEquals(
        204,
        RawHttp.call(
                "POST",
                base + "/_emulator/faults?op=GetObject&script=503:SlowDown,pass",
                new byte[0])
            .status);
    assertError(RawHttp.call("GET", base + "/proto/c1", null), 503, "SlowDown");
    assertEquals(200, RawHttp.call("GET", base + "/proto/c1", null).status);
    assertEquals(
        204,
        RawHttp.call("POST", base + "/_emulator/faults?fault=internal&probability=1", new byte[0])
            .status);
    assertTrue(
        RawHttp.call("GET", base + "/_emulator/faults", null).text().contains("500:InternalError"));
    assertError(RawHttp.call("GET", base + "/proto/c1", null), 500, "InternalError");
    assertEquals(204, RawHttp.call("DELETE", base + "/_emulator/faults", null).status);
    assertEquals(200, RawHttp.call("GET", base + "/proto/c1", null).status);
    assertEquals(
        400,
        RawHttp.call("POST", base + "/_emulator/faults?op=Nope&script=pass", new byte[0]).status);
    assertEquals(
        200,
        RawHttp.call("POST", base + "/_emulator/buckets?name=made-by-admin", new byte[0]).status);
    assertNotNull(oss.store().bucket("made-by-admin"));
    assertEquals(204, RawHttp.call("DELETE", base + "/_emulator/counters", null).status);
    assertEquals(0, oss.counters().total());
  }

  @Test
  void listingsWithADelimiterAreCountedApart() throws Exception {
    RawHttp.call("PUT", base + "/proto/d/x", new byte[] {1});
    oss.counters().reset();
    assertEquals(200, RawHttp.call("GET", base + "/proto?prefix=d%2F", null).status);
    assertEquals(200, RawHttp.call("GET", base + "/proto?delimiter=", null).status);
    assertEquals(200, RawHttp.call("GET", base + "/proto?delimiter=%2F", null).status);
    assertEquals(200, RawHttp.call("GET", base + "/proto?list-type=2&delimiter=%2F", null).status);
    assertEquals(3, oss.counters().get(Operation.ListObjects));
    assertEquals(1, oss.counters().get(Operation.ListObjectsV2));
    assertEquals(2, oss.counters().delimitedListings());
    String json = RawHttp.call("GET", base + "/_emulator/counters", null).text();
    assertTrue(json.contains("\"delimitedListings\":2"), json);
    oss.counters().reset();
    assertEquals(0, oss.counters().delimitedListings());
  }
}
