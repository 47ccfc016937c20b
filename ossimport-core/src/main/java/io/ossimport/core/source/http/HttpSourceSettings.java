package io.ossimport.core.source.http;

import java.nio.file.Path;
import java.util.Objects;

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
    return new HttpSourceSettings(
        listFile,
        prefixColumn,
        pathColumn,
        keyPrefix,
        connectMillis,
        readMillis,
        connectionsPerHost);
  }

  /** A copy with another connection limit per host. */
  public HttpSourceSettings withConnectionsPerHost(int connections) {
    return new HttpSourceSettings(
        listFile,
        prefixColumn,
        pathColumn,
        keyPrefix,
        connectTimeoutMillis,
        readTimeoutMillis,
        connections);
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
