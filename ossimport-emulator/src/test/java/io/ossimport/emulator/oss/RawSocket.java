package io.ossimport.emulator.oss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte by byte on a socket: exactly the headers given (a {@code Host}
 * of our choosing, no {@code Date} unless given, no Content-Type added for POST), which {@code
 * HttpURLConnection} cannot do.
 */
final class RawSocket {
  /** Status, lower-case headers and body of a response. */
  static final class Response {
    final int status;
    final Map<String, String> headers;
    final String body;

    Response(int status, Map<String, String> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    /** The {@code <Code>} of an OSS error body, or {@code null}. */
    String errorCode() {
      return element("Code");
    }

    String element(String name) {
      int a = body.indexOf("<" + name + ">");
      return a < 0 ? null : body.substring(a + name.length() + 2, body.indexOf("</" + name + ">"));
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private RawSocket() {}

  /** Sends {@code method target} to 127.0.0.1:port with these headers (in order) and body. */
  static Response send(
      int port, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      Map<String, String> all = new LinkedHashMap<String, String>(headers);
      if (!containsIgnoreCase(all, "Host")) {
        all.put("Host", "127.0.0.1:" + port);
      }
      all.put("Content-Length", Integer.toString(body == null ? 0 : body.length));
      all.put("Connection", "close");
      for (Map.Entry<String, String> h : all.entrySet()) {
        head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(s.getInputStream(), method.equals("HEAD"));
    }
  }

  private static boolean containsIgnoreCase(Map<String, String> m, String name) {
    for (String k : m.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    String status = line(in);
    Map<String, String> headers = new LinkedHashMap<String, String>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    String length = headers.get("content-length");
    if (!head && length != null) {
      long n = Long.parseLong(length);
      for (long i = 0; i < n; i++) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        buf.write(b);
      }
    }
    return new Response(
        Integer.parseInt(status.split(" ")[1]),
        headers,
        new String(buf.toByteArray(), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }
}
