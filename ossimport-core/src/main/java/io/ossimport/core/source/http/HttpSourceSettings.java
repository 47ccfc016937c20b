package io.ossimport.core.source.http;

import io.ossimport.core.source.SourceNetwork;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What an {@link HttpSource} needs: the list file, its two columns, the key prefix (for checking
 * keys while listing) and the network limits. Immutable; the {@code with...} methods return copies.
 */
public final class HttpSourceSettings {
  /** Default time to open a connection. */
  public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS =
      SourceNetwork.DEFAULT_CONNECT_TIMEOUT_MILLIS;

  /** Default longest silence while waiting for an answer or for the next bytes of a body. */
  public static final int DEFAULT_READ_TIMEOUT_MILLIS = SourceNetwork.DEFAULT_READ_TIMEOUT_MILLIS;

  /** Default most open connections per host; the worker's threads share them. */
  public static final int DEFAULT_CONNECTIONS_PER_HOST = 64;

  private final Path listFile;
  private final int prefixColumn;
  private final int pathColumn;
  private final String keyPrefix;
  private final SourceNetwork network;
  private final int connectionsPerHost;

  private HttpSourceSettings(
      Path listFile,
      int prefixColumn,
      int pathColumn,
      String keyPrefix,
      SourceNetwork network,
      int connectionsPerHost) {
    if (prefixColumn < 1 || pathColumn < 1 || prefixColumn == pathColumn) {
      throw new IllegalArgumentException(
          "columns must be distinct and 1-based: " + prefixColumn + ", " + pathColumn);
    }
    if (connectionsPerHost < 1) {
      throw new IllegalArgumentException("connections must be positive");
    }
    this.listFile = Objects.requireNonNull(listFile, "listFile");
    this.prefixColumn = prefixColumn;
    this.pathColumn = pathColumn;
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.network = Objects.requireNonNull(network, "network");
    this.connectionsPerHost = connectionsPerHost;
  }

  /**
   * Settings with direct connections and the default network limits.
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
        SourceNetwork.direct(),
        DEFAULT_CONNECTIONS_PER_HOST);
  }

  /** A copy with other connect and read timeouts. */
  public HttpSourceSettings withTimeouts(int connectMillis, int readMillis) {
    return withNetwork(network.withTimeouts(connectMillis, readMillis));
  }

  /** A copy that reaches the network as {@code network} says: routes, proxy logins, trust. */
  public HttpSourceSettings withNetwork(SourceNetwork network) {
    return new HttpSourceSettings(
        listFile, prefixColumn, pathColumn, keyPrefix, network, connectionsPerHost);
  }

  /** A copy with another connection limit per host. */
  public HttpSourceSettings withConnectionsPerHost(int connections) {
    return new HttpSourceSettings(
        listFile, prefixColumn, pathColumn, keyPrefix, network, connections);
  }

  /** How requests reach the network: directly unless {@link #withNetwork} said otherwise. */
  public SourceNetwork network() {
    return network;
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
    return network.connectTimeoutMillis();
  }

  public int readTimeoutMillis() {
    return network.readTimeoutMillis();
  }

  public int connectionsPerHost() {
    return connectionsPerHost;
  }
}
