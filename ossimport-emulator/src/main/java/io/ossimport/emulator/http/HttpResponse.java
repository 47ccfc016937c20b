package io.ossimport.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The response being built for one request. Header names are written exactly as given (OSS sends
 * lower-case {@code x-oss-*} names and the SDK matches them case-sensitively). Fault hooks can cut
 * the body after some bytes, or corrupt checksum headers.
 */
public final class HttpResponse {
  private final HttpConnection connection;
  private final OutputStream out;
  private final boolean head;
  private final List<String[]> headers = new ArrayList<String[]>();
  private boolean committed;
  private int status;
  private long bodyBytes;
  private long cutAfter = -1;
  private boolean cutWithReset;
  private boolean corruptChecksums;
  private boolean dropChecksums;
  private long plannedBodyBytes;
  private Runnable beforeCommit;

  HttpResponse(HttpConnection connection, OutputStream out, boolean head) {
    this.connection = connection;
    this.out = out;
    this.head = head;
  }

  /** Sets a header, replacing one of the same name (compared case-insensitively). */
  public HttpResponse header(String name, String value) {
    removeHeader(name);
    headers.add(new String[] {name, value});
    return this;
  }

  /** Removes a header. */
  public void removeHeader(String name) {
    for (Iterator<String[]> it = headers.iterator(); it.hasNext(); ) {
      if (it.next()[0].equalsIgnoreCase(name)) {
        it.remove();
      }
    }
  }

  /** A header set so far, or {@code null}. */
  public String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  /** Whether the status line has been sent. */
  public boolean committed() {
    return committed;
  }

  /** The status sent, or being sent while the before-commit hook runs (0 before that). */
  public int status() {
    return status;
  }

  /**
   * Body bytes this response is about to send (the announced length, or less when a fault cuts the
   * body); known when the status line goes out, before any of it is written.
   */
  public long plannedBodyBytes() {
    return plannedBodyBytes;
  }

  /**
   * Runs {@code hook} just before the status line is written. Request accounting hangs here: once
   * the client can read a response it may ask for the counters, which must already include it.
   */
  public void beforeCommit(Runnable hook) {
    this.beforeCommit = hook;
  }

  /** Fault hook: send only {@code bytes} body bytes (-1 = half), then drop the connection. */
  public void cutBodyAfter(long bytes, boolean reset) {
    cutAfter = bytes < 0 ? Long.MIN_VALUE : bytes;
    cutWithReset = reset;
  }

  /** Fault hook: send checksum headers with a wrong value. */
  public void corruptChecksums() {
    corruptChecksums = true;
  }

  /** Fault hook: send no checksum headers. */
  public void dropChecksums() {
    dropChecksums = true;
  }

  /** Sends a complete response with a byte body. */
  public void send(int status, byte[] body, String contentType) throws IOException {
    if (contentType != null) {
      header("Content-Type", contentType);
    }
    sendStream(status, body.length, new java.io.ByteArrayInputStream(body));
  }

  /** Sends a response with no body ({@code Content-Length: 0}). */
  public void sendEmpty(int status) throws IOException {
    sendStream(status, 0, null);
  }

  /**
   * Sends headers announcing {@code length} bytes, then copies them from {@code body}. For a HEAD
   * request only the headers go out.
   */
  public void sendStream(int status, long length, InputStream body) throws IOException {
    header("Content-Length", Long.toString(length));
    if (head || body == null) {
      plannedBodyBytes = 0;
    } else if (cutAfter == Long.MIN_VALUE) {
      plannedBodyBytes = length / 2;
    } else {
      plannedBodyBytes = cutAfter >= 0 ? Math.min(cutAfter, length) : length;
    }
    commit(status);
    if (head || body == null || length == 0) {
      checkCut(length);
      out.flush();
      return;
    }
    long limit = cutAfter == Long.MIN_VALUE ? length / 2 : cutAfter;
    byte[] buf = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int want = (int) Math.min(buf.length, left);
      if (limit >= 0) {
        want = (int) Math.min(want, Math.max(0, limit - bodyBytes));
        if (want == 0) {
          break;
        }
      }
      int n = body.read(buf, 0, want);
      if (n < 0) {
        throw new IOException("content ended " + left + " bytes early");
      }
      out.write(buf, 0, n);
      bodyBytes += n;
      left -= n;
    }
    checkCut(length);
    out.flush();
  }

  private void checkCut(long length) throws IOException {
    if (cutAfter != -1) {
      out.flush();
      throw new ConnectionAbort(
          cutWithReset, "fault: body cut after " + bodyBytes + " of " + length);
    }
  }

  private void commit(int code) throws IOException {
    if (committed) {
      throw new IllegalStateException("response already sent");
    }
    connection.beforeResponse(this);
    // The hook (request accounting) reads the status it is about to send.
    status = code;
    if (beforeCommit != null) {
      beforeCommit.run();
    }
    committed = true;
    StringBuilder sb = new StringBuilder(512);
    sb.append("HTTP/1.1 ").append(code).append(' ').append(StatusText.of(code)).append("\r\n");
    for (String[] h : headers) {
      if (dropChecksums && Checksums.isChecksumHeader(h[0])) {
        continue;
      }
      String value = h[1];
      if (corruptChecksums && Checksums.isChecksumHeader(h[0])) {
        value = Checksums.corrupt(value);
      }
      sb.append(h[0]).append(": ").append(value).append("\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Whether the response asks to close the connection. */
  boolean closesConnection() {
    String c = header("Connection");
    return c != null && c.equalsIgnoreCase("close");
  }
}
