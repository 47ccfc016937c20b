package io.ossimport.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Unsigned HTTP calls for what the SDK cannot send (anonymous, malformed, admin). */
public final class RawHttp {
  /** Status, headers and body of a response. */
  public static final class Response {
    public final int status;
    public final Map<String, java.util.List<String>> headers;
    public final byte[] body;

    Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      for (Map.Entry<String, java.util.List<String>> e : headers.entrySet()) {
        if (name.equalsIgnoreCase(e.getKey())) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /** The error code inside an OSS error body. */
    public String errorCode() {
      String t = text();
      int a = t.indexOf("<Code>");
      return a < 0 ? null : t.substring(a + 6, t.indexOf("</Code>"));
    }
  }

  private RawHttp() {}

  public static Response call(String method, String url, byte[] body, String... headers)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setRequestMethod(method);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      c.setRequestProperty(headers[i], headers[i + 1]);
    }
    if (body != null) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    if (in != null) {
      byte[] b = new byte[8192];
      int n;
      while ((n = in.read(b)) != -1) {
        buf.write(b, 0, n);
      }
      in.close();
    }
    return new Response(status, c.getHeaderFields(), buf.toByteArray());
  }
}
