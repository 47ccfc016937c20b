package io.ossimport.emulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Serves the requests of one keep-alive connection in turn. */
final class HttpConnection implements Runnable {
  private static final int MAX_HEADERS = 200;

  private final Socket socket;
  private final RequestHandler handler;
  private final EmulatorHttpServer server;
  private HttpRequest current;
  private boolean closeAfterResponse;

  HttpConnection(Socket socket, RequestHandler handler, EmulatorHttpServer server) {
    this.socket = socket;
    this.handler = handler;
    this.server = server;
  }

  @Override
  public void run() {
    boolean reset = false;
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(server.idleTimeoutMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      while (serveOne(in, out)) {
        // next request on the same connection
      }
    } catch (ConnectionAbort abort) {
      reset = abort.reset();
    } catch (IOException | RuntimeException e) {
      // peer went away or sent garbage: nothing to answer
    } finally {
      close(reset);
      server.forget(this);
    }
  }

  private boolean serveOne(InputStream in, OutputStream out) throws IOException {
    String line = HttpLines.readLine(in);
    while (line != null && line.isEmpty()) {
      line = HttpLines.readLine(in);
    }
    if (line == null) {
      return false;
    }
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      writeRaw(out, 400, "malformed request line");
      return false;
    }
    List<String[]> headers = new ArrayList<String[]>();
    String h;
    while ((h = HttpLines.readLine(in)) != null && !h.isEmpty()) {
      int colon = h.indexOf(':');
      if (colon <= 0 || headers.size() >= MAX_HEADERS) {
        writeRaw(out, 400, "malformed header");
        return false;
      }
      headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
    }
    if (h == null) {
      return false;
    }
    boolean chunked = false;
    long length = 0;
    String connectionHeader = null;
    for (String[] hdr : headers) {
      String name = hdr[0].toLowerCase(Locale.ROOT);
      if (name.equals("transfer-encoding") && hdr[1].toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      } else if (name.equals("content-length")) {
        try {
          length = Long.parseLong(hdr[1]);
        } catch (NumberFormatException e) {
          writeRaw(out, 400, "bad Content-Length");
          return false;
        }
      } else if (name.equals("connection")) {
        connectionHeader = hdr[1];
      }
    }
    boolean http11 = parts[2].equals("HTTP/1.1");
    boolean keepAlive =
        http11
            ? !"close".equalsIgnoreCase(connectionHeader)
            : "keep-alive".equalsIgnoreCase(connectionHeader);
    String remote = String.valueOf(socket.getRemoteSocketAddress());
    current = new HttpRequest(parts[0], parts[1], headers, in, length, chunked, out, remote);
    closeAfterResponse = !keepAlive;
    HttpResponse response = new HttpResponse(this, out, parts[0].equals("HEAD"));
    handler.handle(current, response);
    if (!response.committed()) {
      writeRaw(out, 500, "handler sent no response");
      return false;
    }
    out.flush();
    return !closeAfterResponse && !response.closesConnection() && current.bodyStream().finished();
  }

  /** Called just before a status line goes out: settle the unread request body. */
  void beforeResponse(HttpResponse response) {
    BodyInputStream body = current.bodyStream();
    if (!body.finished()) {
      if (body.continuePending()) {
        closeAfterResponse = true; // the client never sent the body; it cannot be resynchronised
      } else {
        try {
          body.drain(); // so the client is not reset while still writing, and can reuse the link
        } catch (IOException e) {
          throw new ConnectionAbort(false, "request body broke off: " + e.getMessage());
        }
      }
    }
    if (closeAfterResponse) {
      response.header("Connection", "close");
    }
  }

  private static void writeRaw(OutputStream out, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + StatusText.of(status)
            + "\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  void close(boolean reset) {
    try {
      if (reset) {
        socket.setSoLinger(true, 0);
      }
    } catch (SocketException e) {
      // closing anyway
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
