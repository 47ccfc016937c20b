package io.ossimport.core.source.http;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What an {@link HttpSource} needs: the list file, its two columns, the key prefix (for checking
 * keys while listing) and the network limits. Immutable; the {@code with...} methods return copies.
 */
public final class HttpSourceSettings {
  /** Default time to open a connection. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

  /** Default longest silence while waiting for an answer or for the next bytes of a body. */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 60_000;

  /** Default most open connections per host; the worker's threads share them. */
  public static final int DEFAULT_CONNECTIONS_PER_HOST = 64;

  private final Path listFile;
  private final int prefixColumn;
  private final int pathColumn;
  private final String keyPrefix;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final int connectionsPerHost;
  private ProxySelector proxies = NO_PROXIES;
  private BiFunction<String, Integer, PasswordAuthentication> proxyLogins = (host, port) -> null;

  private HttpSourceSettings(
      Path listFile,
      int prefixColumn,
      int pathColumn,
      String keyPrefix,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      int connectionsPerHost) {
    if (prefixColumn < 1 || pathColumn < 1 || prefixColumn == pathColumn) {
      throw new IllegalArgumentException(
          "columns must be distinct and 1-based: " + prefixColumn + ", " + pathColumn);
    }
    if (connectTimeoutMillis < 1 || readTimeoutMillis < 1 || connectionsPerHost < 1) {
      throw new IllegalArgumentException("timeouts and connections must be positive");
    }
    this.listFile = Objects.requireNonNull(listFile, "listFile");
    this.prefixColumn = prefixColumn;
    this.pathColumn = pathColumn;
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    this.connectionsPerHost = connectionsPerHost;
  }

  /**
   * Settings with the default network limits.
   *
   * @param prefixColumn 1-based column of the URL prefix ({@code httpPrefixColumn})
   * @param pathColumn 1-based column of the relative path ({@code relativePathColumn})
   * @param keyPrefix {@code destPrefix}
   */
  public static HttpSourceSettings of(
      Path listFile, int prefixColumn, int pathColumn, String keyPrefix) {
    return new HttpSourceSettings(
        listFile,
        prefixColumn,
        pathColumn,
        keyPrefix,
        DEFAULT_CONNECT_TIMEOUT_MILLIS,
        DEFAULT_READ_TIMEOUT_MILLIS,
        DEFAULT_CONNECTIONS_PER_HOST);
  }

  /** A copy with other connect and read timeouts. */
  public HttpSourceSettings withTimeouts(int connectMillis, int readMillis) {
    return carryNetwork(
        new HttpSourceSettings(
            listFile,
            prefixColumn,
            pathColumn,
            keyPrefix,
            connectMillis,
            readMillis,
            connectionsPerHost));
  }

  /**
   * A copy that routes requests as {@code proxies} says (per URL) and answers a proxy's 407 with
   * {@code proxyLogins}' credentials for that proxy host and port ({@code null}: none).
   */
  public HttpSourceSettings withNetwork(
      ProxySelector proxies, BiFunction<String, Integer, PasswordAuthentication> proxyLogins) {
    HttpSourceSettings copy =
        new HttpSourceSettings(
            listFile,
            prefixColumn,
            pathColumn,
            keyPrefix,
            connectTimeoutMillis,
            readTimeoutMillis,
            connectionsPerHost);
    copy.proxies = Objects.requireNonNull(proxies, "proxies");
    copy.proxyLogins = Objects.requireNonNull(proxyLogins, "proxyLogins");
    return copy;
  }

  private HttpSourceSettings carryNetwork(HttpSourceSettings copy) {
    copy.proxies = proxies;
    copy.proxyLogins = proxyLogins;
    return copy;
  }

  /** How requests are routed: directly unless {@link #withNetwork} said otherwise. */
  public ProxySelector proxies() {
    return proxies;
  }

  /** The credentials for a proxy host and port, or {@code null}. */
  public PasswordAuthentication proxyLogin(String host, int port) {
    return proxyLogins.apply(host, port);
  }

  private static final ProxySelector NO_PROXIES =
      new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
          return Collections.singletonList(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
      };

  /** A copy with another connection limit per host. */
  public HttpSourceSettings withConnectionsPerHost(int connections) {
    return carryNetwork(
        new HttpSourceSettings(
            listFile,
            prefixColumn,
            pathColumn,
            keyPrefix,
            connectTimeoutMillis,
            readTimeoutMillis,
            connections));
  }

  public Path listFile() {
    return listFile;
  }

  /** 1-based. */
  public int prefixColumn() {
    return prefixColumn;
  }

  /** 1-based. */
  public int pathColumn() {
    return pathColumn;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int readTimeoutMillis() {
    return readTimeoutMillis;
  }

  public int connectionsPerHost() {
    return connectionsPerHost;
  }
}
