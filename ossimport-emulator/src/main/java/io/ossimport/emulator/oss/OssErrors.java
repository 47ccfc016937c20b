package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlWriter;
import java.io.IOException;
import java.util.Map;

/**
 * Writes errors as OSS does: {@code <Error><Code/><Message/><RequestId/><HostId/>...</Error>} as
 * {@code application/xml}; for HEAD (no body) the same XML goes base64-encoded in {@code
 * x-oss-err}, which is where the SDK looks.
 */
final class OssErrors {
  private OssErrors() {}

  static void send(HttpRequest req, HttpResponse resp, OssError e) throws IOException {
    XmlWriter x = new XmlWriter();
    x.start("Error");
    x.element("Code", e.code());
    x.element("Message", e.getMessage());
    x.element("RequestId", resp.header("x-oss-request-id"));
    x.element("HostId", hostId(req));
    for (Map.Entry<String, String> f : e.fields().entrySet()) {
      x.element(f.getKey(), f.getValue());
    }
    x.element("EC", ec(e.code()));
    byte[] body = x.toBytes();
    resp.header("x-oss-ec", ec(e.code()));
    if (req.method().equals("HEAD")) {
      resp.header("x-oss-err", java.util.Base64.getEncoder().encodeToString(body));
    }
    resp.send(e.status(), body, "application/xml");
  }

  private static String hostId(HttpRequest req) {
    String host = req.header("Host");
    if (host == null) {
      return "localhost";
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
  }

  /** A stable pseudo error-center code per error code (real OSS sends one; clients log it). */
  private static String ec(String code) {
    return String.format("0000-%08X", code.hashCode() & 0x7fffffff);
  }
}
