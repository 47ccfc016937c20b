package io.ossimport.core.source;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a source's HTTP client reaches the network, in JDK types so that every source kind can take
 * it without knowing the job's configuration: the route of each request (a {@link ProxySelector}),
 * the proxy's credentials, the connect and read timeouts and the certificates trusted. The registry
 * makes it from the job's network keys; tests make it directly. Immutable.
 */
public final class SourceNetwork {
  /** Default time to open a connection. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

  /** Default longest silence while waiting for an answer or for the next bytes of a body. */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 60_000;

  private static final ProxySelector NO_PROXIES =
      new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
          return Collections.singletonList(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
      };

  private static final SourceNetwork DIRECT =
      new SourceNetwork(
          NO_PROXIES,
          (host, port) -> null,
          DEFAULT_CONNECT_TIMEOUT_MILLIS,
          DEFAULT_READ_TIMEOUT_MILLIS,
          null);

  private final ProxySelector proxies;
  private final BiFunction<String, Integer, PasswordAuthentication> proxyLogins;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final X509TrustManager trust;

  private SourceNetwork(
      ProxySelector proxies,
      BiFunction<String, Integer, PasswordAuthentication> proxyLogins,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      X509TrustManager trust) {
    if (connectTimeoutMillis < 1 || readTimeoutMillis < 1) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    this.proxyLogins = Objects.requireNonNull(proxyLogins, "proxyLogins");
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.trust = trust;
  }

  /** Direct connections, the default timeouts, the JVM's trusted certificates. */
  public static SourceNetwork direct() {
    return DIRECT;
  }

  /**
   * Requests routed as {@code proxies} says (per URL), a proxy's 407 answered with {@code
   * proxyLogins}' credentials for that proxy host and port ({@code null}: none).
   */
  public SourceNetwork withProxies(
      ProxySelector proxies, BiFunction<String, Integer, PasswordAuthentication> proxyLogins) {
    return new SourceNetwork(proxies, proxyLogins, connectTimeoutMillis, readTimeoutMillis, trust);
  }

  /** A copy with other connect and read timeouts. */
  public SourceNetwork withTimeouts(int connectMillis, int readMillis) {
    return new SourceNetwork(proxies, proxyLogins, connectMillis, readMillis, trust);
  }

  /**
   * A copy whose HTTPS connections trust the servers {@code trust} accepts ({@code null}: the JVM's
   * trust store). The job's {@code caCertFile} gives one that accepts what the JVM's trust store or
   * the file's CAs accept.
   */
  public SourceNetwork trusting(X509TrustManager trust) {
    return new SourceNetwork(proxies, proxyLogins, connectTimeoutMillis, readTimeoutMillis, trust);
  }

  /** How requests are routed. */
  public ProxySelector proxies() {
    return proxies;
  }

  /** The credentials for a proxy host and port, or {@code null}. */
  public PasswordAuthentication proxyLogin(String host, int port) {
    return proxyLogins.apply(host, port);
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int readTimeoutMillis() {
    return readTimeoutMillis;
  }

  /** The certificates trusted beyond the JVM's own, or {@code null} for the JVM's only. */
  public X509TrustManager trust() {
    return trust;
  }

  /**
   * The TLS context of HTTPS connections: the JVM's default, or one that trusts as {@link #trust()}
   * says.
   */
  public SSLContext sslContext() {
    try {
      if (trust == null) {
        return SSLContext.getDefault();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no TLS: " + e.getMessage(), e);
    }
  }
}
