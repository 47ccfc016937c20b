package io.ossimport.emulator.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A small blocking HTTP/1.1 server: one pooled thread per connection, keep-alive, chunked and
 * {@code Expect: 100-continue} request bodies. Written by hand rather than on
 * com.sun.net.httpserver because that server rewrites response header names ({@code
 * X-oss-meta-...}), which the OSS SDK then fails to recognise, and cannot reset a connection.
 */
public final class EmulatorHttpServer implements Closeable {
  private final ServerSocket serverSocket;
  private final RequestHandler handler;
  private final ThreadPoolExecutor pool;
  private final Set<HttpConnection> open =
      Collections.synchronizedSet(
          Collections.newSetFromMap(new IdentityHashMap<HttpConnection, Boolean>()));
  private final Thread acceptor;
  private volatile boolean closed;
  private final int idleTimeoutMillis = 120_000;

  /** Binds at once (port 0 = any free port); call {@link #start()} to serve. */
  public EmulatorHttpServer(String host, int port, int maxConnections, RequestHandler handler)
      throws IOException {
    this(host, port, maxConnections, null, handler);
  }

  /**
   * As {@link #EmulatorHttpServer(String, int, int, RequestHandler)}, serving HTTPS with {@code
   * tls}'s server certificate when it is not {@code null}. The handshake happens on each
   * connection's own thread (at its first read), so a client that does not trust the certificate
   * holds up no one else.
   */
  public EmulatorHttpServer(
      String host, int port, int maxConnections, SSLContext tls, RequestHandler handler)
      throws IOException {
    this.handler = handler;
    this.serverSocket =
        tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
    final AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        new ThreadFactory() {
          @Override
          public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "oss-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          }
        };
    this.pool =
        new ThreadPoolExecutor(
            0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(), threads);
    this.acceptor = threads.newThread(this::acceptLoop);
    acceptor.setName("oss-emulator-acceptor");
  }

  /** Starts accepting connections. */
  public void start() {
    acceptor.start();
  }

  /** The bound port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  int idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = serverSocket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      HttpConnection c = new HttpConnection(s, handler, this);
      open.add(c);
      try {
        pool.execute(c);
      } catch (RejectedExecutionException e) {
        open.remove(c);
        c.close(true);
      }
    }
  }

  void forget(HttpConnection c) {
    open.remove(c);
  }

  /** Stops accepting, closes every connection and waits briefly for the threads. */
  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException e) {
      // already closed
    }
    HttpConnection[] conns;
    synchronized (open) {
      conns = open.toArray(new HttpConnection[0]);
    }
    for (HttpConnection c : conns) {
      c.close(false);
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }
}
