package io.ossimport.core.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small web server on 127.0.0.1 serving generated files for URL-list tests, with the behaviours
 * real servers have: ranges honoured (206) or ignored (200), HEAD refused (405), no Last-Modified,
 * slow answers, 404 and 503. Paths are given without the leading slash ({@code hz/a.jpg}).
 */
public final class UrlServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Long> modified = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<InetSocketAddress, Boolean> clients = new ConcurrentHashMap<>();
  private volatile boolean ignoreRanges;
  private volatile boolean refuseHead;
  private volatile boolean sendLastModified = true;

  public UrlServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:port/}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Serves {@code content} at {@code path}, last modified at a fixed second. */
  public UrlServer put(String path, byte[] content) {
    files.put(path, content);
    modified.put(path, 1_700_000_000_000L + Math.abs(path.hashCode() % 1000) * 1000L);
    return this;
  }

  /** Answers requests for paths starting with {@code pathPrefix} after {@code millis}. */
  public UrlServer delay(String pathPrefix, long millis) {
    delays.put(pathPrefix, millis);
    return this;
  }

  /** Answers every request for {@code path} with {@code status} and no body. */
  public UrlServer status(String path, int status) {
    statuses.put(path, status);
    return this;
  }

  public UrlServer ignoreRanges(boolean ignore) {
    ignoreRanges = ignore;
    return this;
  }

  public UrlServer refuseHead(boolean refuse) {
    refuseHead = refuse;
    return this;
  }

  public UrlServer sendLastModified(boolean send) {
    sendLastModified = send;
    return this;
  }

  /** The Last-Modified of {@code path} in epoch millis. */
  public long lastModified(String path) {
    return modified.get(path);
  }

  /** Requests so far with this method ({@code GET}, {@code HEAD}). */
  public int requests(String method) {
    AtomicInteger n = requests.get(method);
    return n == null ? 0 : n.get();
  }

  /** Connections opened to this server so far (distinct client addresses). */
  public int connections() {
    return clients.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      requests.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
      clients.put(exchange.getRemoteAddress(), Boolean.TRUE);
      String path = exchange.getRequestURI().getPath().substring(1);
      for (Map.Entry<String, Long> d : delays.entrySet()) {
        if (path.startsWith(d.getKey())) {
          Thread.sleep(d.getValue());
        }
      }
      Integer status = statuses.get(path);
      byte[] content = files.get(path);
      if (status != null || content == null) {
        exchange.sendResponseHeaders(status != null ? status : 404, -1);
        return;
      }
      boolean head = method.equals("HEAD");
      if (head && refuseHead) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Headers h = exchange.getResponseHeaders();
      h.set("Content-Type", "application/octet-stream");
      if (sendLastModified) {
        h.set(
            "Last-Modified",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(modified.get(path)).atOffset(ZoneOffset.UTC)));
      }
      long from = 0;
      long to = content.length - 1;
      int code = 200;
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher m = range == null || ignoreRanges ? null : RANGE.matcher(range);
      if (m != null && m.matches()) {
        from = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
          to = Math.min(to, Long.parseLong(m.group(2)));
        }
        if (from >= content.length) {
          h.set("Content-Range", "bytes */" + content.length);
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        h.set("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
        code = 206;
      }
      long length = to - from + 1;
      if (head) {
        h.set("Content-Length", Long.toString(length));
        exchange.sendResponseHeaders(code, -1);
        return;
      }
      exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content, (int) from, (int) length);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (a read timeout, an aborted range): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
