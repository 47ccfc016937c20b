package io.ossimport.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A forward HTTP proxy for tests, run as its own OS process by {@link ProxyProcess}: absolute-form
 * requests ({@code GET http://host:port/path}) are forwarded with {@code Connection: close}, {@code
 * CONNECT} opens a tunnel; with {@code user:password} as argument it answers 407 to any request
 * without those Basic credentials. {@code GET /__forwarded} (origin form, to the proxy itself)
 * answers how many requests it forwarded. Prints {@code port N} once it listens.
 */
public final class ForwardProxy {
  private final ServerSocket server;
  private final String expectedAuthorization;
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  private ForwardProxy(ServerSocket server, String credentialsOrNull) {
    this.server = server;
    this.expectedAuthorization =
        credentialsOrNull == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(credentialsOrNull.getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws IOException {
    ServerSocket server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
    ForwardProxy proxy = new ForwardProxy(server, args.length > 0 ? args[0] : null);
    System.out.println("port " + server.getLocalPort());
    System.out.flush();
    proxy.serve();
  }

  private void serve() throws IOException {
    while (true) {
      final Socket client = server.accept();
      Thread t = new Thread(() -> handle(client), "proxy-client");
      t.setDaemon(true);
      t.start();
    }
  }

  private void handle(Socket client) {
    try (Socket c = client) {
      InputStream in = c.getInputStream();
      OutputStream out = c.getOutputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] lines = head.split("\r\n");
      String[] request = lines[0].split(" ");
      if (request.length < 3) {
        return;
      }
      String method = request[0];
      String target = request[1];
      if (target.startsWith("/")) {
        String body = forwarded.get() + " " + refused.get();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Length: "
                    + body.length()
                    + "\r\nConnection: close\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      if (expectedAuthorization != null
          && !expectedAuthorization.equals(header(lines, "Proxy-Authorization"))) {
        refused.incrementAndGet();
        // As tinyproxy and squid do: an HTML page that says what happened.
        String page =
            "<html><head><title>407 Proxy Authentication Required</title></head>"
                + "<body>Proxy Authentication Required</body></html>";
        out.write(
            ("HTTP/1.1 407 Proxy Authentication Required\r\n"
                    + "Proxy-Authenticate: Basic realm=\"test-proxy\"\r\n"
                    + "Content-Type: text/html\r\nContent-Length: "
                    + page.length()
                    + "\r\nConnection: close\r\n\r\n"
                    + page)
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      forwarded.incrementAndGet();
      if (method.equals("CONNECT")) {
        tunnel(c, target);
      } else {
        forward(c, lines, method, URI.create(target));
      }
    } catch (IOException | RuntimeException e) {
      // the client or the target went away: nothing to report in a test proxy
    }
  }

  private static void tunnel(Socket client, String hostPort) throws IOException {
    int colon = hostPort.lastIndexOf(':');
    try (Socket target =
        new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
      client
          .getOutputStream()
          .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      pump(client.getInputStream(), target.getOutputStream(), target);
      copy(target.getInputStream(), client.getOutputStream());
    }
  }

  private static void forward(Socket client, String[] lines, String method, URI target)
      throws IOException {
    int port = target.getPort() < 0 ? 80 : target.getPort();
    try (Socket upstream = new Socket(target.getHost(), port)) {
      StringBuilder head = new StringBuilder();
      String path =
          target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
      head.append(method)
          .append(' ')
          .append(path)
          .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
          .append(' ')
          .append(lines[0].substring(lines[0].lastIndexOf(' ') + 1))
          .append("\r\n");
      for (int i = 1; i < lines.length; i++) {
        String name = lines[i].substring(0, Math.max(lines[i].indexOf(':'), 0)).trim();
        if (!name.equalsIgnoreCase("Proxy-Authorization")
            && !name.equalsIgnoreCase("Proxy-Connection")
            && !name.equalsIgnoreCase("Connection")) {
          head.append(lines[i]).append("\r\n");
        }
      }
      head.append("Connection: close\r\n\r\n");
      upstream.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      pump(client.getInputStream(), upstream.getOutputStream(), upstream);
      InputStream answer = upstream.getInputStream();
      OutputStream out = client.getOutputStream();
      String responseHead;
      while ((responseHead = readHead(answer)) != null) {
        boolean interim = responseHead.matches("HTTP/1\\.\\d 1\\d\\d.*");
        StringBuilder rewritten = new StringBuilder();
        for (String line : responseHead.split("\r\n")) {
          if (!line.toLowerCase().startsWith("connection:")) {
            rewritten.append(line).append("\r\n");
          }
        }
        if (!interim) {
          rewritten.append("Connection: close\r\n");
        }
        rewritten.append("\r\n");
        out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!interim) {
          break;
        }
      }
      copy(answer, out);
      out.flush();
    }
  }

  /** Copies the client's further bytes (a request body) to {@code to} on a thread of its own. */
  private static void pump(InputStream from, OutputStream to, Socket owner) {
    Thread t =
        new Thread(
            () -> {
              try {
                copy(from, to);
                owner.shutdownOutput();
              } catch (IOException e) {
                // the exchange ended
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[16384];
    int n;
    while ((n = from.read(buffer)) >= 0) {
      to.write(buffer, 0, n);
      to.flush();
    }
  }

  private static String header(String[] lines, String name) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
        return lines[i].substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The bytes up to the blank line, without it; {@code null} at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        byte[] bytes = head.toByteArray();
        return new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }
}
