package io.ossimport.core.config;

/**
 * A forward HTTP proxy the job's requests go through: where it is, its Basic credentials when it
 * needs them, and where the setting came from (for messages). {@link #toString()} shows no
 * password.
 */
public final class ProxyServer {
  private final String host;
  private final int port;
  private final String user;
  private final Secret password;
  private final String origin;

  ProxyServer(String host, int port, String user, Secret password, String origin) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.origin = origin;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The user of the proxy's Basic authentication; empty for none. */
  public String user() {
    return user;
  }

  /** The password of the proxy's Basic authentication; empty for none. */
  public Secret password() {
    return password;
  }

  /** Whether the proxy is given credentials. */
  public boolean hasCredentials() {
    return !user.isEmpty();
  }

  /** Where the setting came from, e.g. {@code proxy} or {@code the environment variable X}. */
  public String origin() {
    return origin;
  }

  /** {@code http://host:port} as messages show it, never with the credentials. */
  @Override
  public String toString() {
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
