package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.InconsistentException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GetObjectRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault kind, observed through the SDK or a raw socket. */
class FaultInjectionTest {
  static OssEmulator oss;
  static OSS client;
  static final byte[] DATA = new byte[10_000];

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().allowAnonymous(true).bucket("faults").build().start();
    client = SdkClients.client(oss, SignVersion.V4);
    new java.util.Random(5).nextBytes(DATA);
    client.putObject("faults", "obj", new ByteArrayInputStream(DATA));
  }

  @AfterAll
  static void stop() throws Exception {
    client.shutdown();
    oss.close();
  }

  @BeforeEach
  void clean() {
    oss.faults().clear();
  }

  @Test
  void scriptedErrorsComeInOrderThenRequestsPass() {
    oss.faults()
        .script(
            Operation.PutObject, FaultSpec.slowDown(), FaultSpec.pass(), FaultSpec.internalError());
    OSSException e =
        assertThrows(
            OSSException.class,
            () -> client.putObject("faults", "s", new ByteArrayInputStream(DATA)));
    assertEquals("SlowDown", e.getErrorCode());
    client.putObject("faults", "s", new ByteArrayInputStream(DATA));
    e =
        assertThrows(
            OSSException.class,
            () -> client.putObject("faults", "s", new ByteArrayInputStream(DATA)));
    assertEquals("InternalError", e.getErrorCode());
    client.putObject("faults", "s", new ByteArrayInputStream(DATA));
    assertEquals(0, oss.faults().pending());
  }

  @Test
  void probabilityRulesAreReproducibleWithASeed() throws Exception {
    int[] failures = new int[2];
    for (int round = 0; round < 2; round++) {
      oss.faults().clear();
      oss.faults().seed(42).probability(Operation.HeadObject, 0.5, FaultSpec.serviceUnavailable());
      for (int i = 0; i < 40; i++) {
        try {
          client.getObjectMetadata("faults", "obj");
        } catch (OSSException e) {
          assertEquals("ServiceUnavailable", e.getErrorCode());
          failures[round]++;
        }
      }
    }
    assertEquals(failures[0], failures[1]);
    assertTrue(failures[0] > 5 && failures[0] < 35, "about half fail: " + failures[0]);
  }

  @Test
  void wrongCrcMakesTheSdkCheckFailOnPutAndGet(@TempDir Path dir) {
    oss.faults().script(Operation.PutObject, FaultSpec.wrongCrc());
    assertThrows(
        InconsistentException.class,
        () -> client.putObject("faults", "crc", new ByteArrayInputStream(DATA)));
    oss.faults().script(Operation.GetObject, FaultSpec.wrongCrc());
    File target = dir.resolve("x").toFile();
    assertThrows(
        InconsistentException.class,
        () -> client.getObject(new GetObjectRequest("faults", "obj"), target));
    client.getObject(new GetObjectRequest("faults", "obj"), target);
    assertEquals(DATA.length, target.length());
  }

  @Test
  void noCrcServesTheRequestWithoutChecksumHeaders() throws Exception {
    oss.faults().script(Operation.PutObject, FaultSpec.parse("nocrc"));
    com.aliyun.oss.model.PutObjectResult put =
        client.putObject("faults", "nocrc", new ByteArrayInputStream(DATA));
    assertEquals(null, put.getServerCRC(), "no x-oss-hash-crc64ecma in the answer");
    assertEquals(DATA.length, client.getObjectMetadata("faults", "nocrc").getContentLength());
    // Only the scripted request loses the header: the next HEAD reports the stored CRC-64.
    assertTrue(client.getObjectMetadata("faults", "nocrc").getServerCRC() != null);
    assertEquals("nocrc", FaultSpec.noCrc().toString());
  }

  @Test
  void latencyDelaysButServes() throws Exception {
    oss.faults().script(Operation.GetObject, FaultSpec.latency(300));
    long t0 = System.nanoTime();
    RawHttp.Response r = RawHttp.call("GET", oss.endpoint() + "/faults/obj", null);
    assertEquals(200, r.status);
    assertTrue(System.nanoTime() - t0 >= 300_000_000L);
  }

  @Test
  void truncatedBodyEndsEarlyWithCleanClose() throws Exception {
    oss.faults().script(Operation.GetObject, FaultSpec.truncate(1000));
    RawResult r = raw("GET /faults/obj HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", null);
    assertFalse(r.reset);
    assertTrue(r.head.contains("Content-Length: 10000"));
    assertEquals(1000, r.bodyBytes);
  }

  @Test
  void resetInResponseBodyIsATcpReset() throws Exception {
    oss.faults().script(Operation.GetObject, FaultSpec.resetResponse(-1));
    RawResult r = raw("GET /faults/obj HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", null);
    assertTrue(r.reset, "the client sees a TCP reset");
    assertTrue(r.bodyBytes <= 5000, "at most half the body arrived");
    oss.faults().script(Operation.GetObject, FaultSpec.resetResponse(-1));
    IOException e =
        assertThrows(
            IOException.class,
            () -> ObjectReads.readAll(client.getObject("faults", "obj").getObjectContent()));
    assertTrue(e.getMessage() != null);
  }

  @Test
  void resetDuringRequestBodyStoresNothing() throws Exception {
    oss.faults().script(Operation.PutObject, FaultSpec.resetRequest(-1));
    byte[] body = new byte[2_000_000];
    RawResult r =
        raw(
            "PUT /faults/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + body.length
                + "\r\n\r\n",
            body);
    assertTrue(r.reset, "client sees a reset");
    assertEquals(404, RawHttp.call("HEAD", oss.endpoint() + "/faults/reset", null).status);
    oss.faults().script(Operation.PutObject, FaultSpec.resetRequest(-1));
    assertThrows(
        ClientException.class,
        () -> client.putObject("faults", "reset", new ByteArrayInputStream(body)));
    assertFalse(client.doesObjectExist("faults", "reset"));
  }

  static final class RawResult {
    String head = "";
    long bodyBytes;
    boolean reset;
  }

  static final class ObjectReads {
    static byte[] readAll(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] b = new byte[4096];
      int n;
      while ((n = in.read(b)) != -1) {
        out.write(b, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** Sends a request on a raw socket and reads until the server closes. */
  static RawResult raw(String head, byte[] body) throws IOException {
    RawResult r = new RawResult();
    try (Socket s = new Socket("127.0.0.1", oss.port())) {
      s.setSoTimeout(5000);
      try {
        s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          s.getOutputStream().write(body);
        }
        s.getOutputStream().flush();
      } catch (SocketException e) {
        r.reset = true;
        return r;
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try {
        int n;
        while ((n = in.read(buf)) != -1) {
          all.write(buf, 0, n);
        }
      } catch (SocketException e) {
        r.reset = true;
      }
      String text = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        r.head = text.substring(0, end);
        r.bodyBytes = all.size() - end - 4;
      }
    }
    return r;
  }

  @Test
  void bodyDataIsIntactAfterFaultsClear() throws Exception {
    assertArrayEquals(
        DATA, ObjectReads.readAll(client.getObject("faults", "obj").getObjectContent()));
  }
}
