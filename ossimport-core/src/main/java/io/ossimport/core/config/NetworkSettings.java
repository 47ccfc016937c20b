package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.CA_CERT_FILE;
import static io.ossimport.core.config.JobKeys.CONNECT_TIMEOUT;
import static io.ossimport.core.config.JobKeys.NO_PROXY;
import static io.ossimport.core.config.JobKeys.PROXY;
import static io.ossimport.core.config.JobKeys.PROXY_PASSWORD;
import static io.ossimport.core.config.JobKeys.PROXY_USER;
import static io.ossimport.core.config.JobKeys.READ_TIMEOUT;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.net.ssl.X509TrustManager;

/**
 * How a job's HTTP clients reach the network: the proxy for each endpoint (the {@code proxy} key,
 * else the environment's {@code https_proxy}/{@code http_proxy}, less the {@code noProxy} hosts),
 * the connect and read timeouts, and the certificates HTTPS connections trust ({@code caCertFile}
 * besides the JVM's trust store). The one source of these settings for every client (the OSS SDK,
 * the AWS SDK, the Apache HttpClient of {@code http} and {@code azure} sources).
 */
public final class NetworkSettings {
  static final String NONE = "none";

  /** The variables read, lower case first as curl does. */
  static final String[] HTTPS_VARIABLES = {"https_proxy", "HTTPS_PROXY"};

  static final String[] HTTP_VARIABLES = {"http_proxy", "HTTP_PROXY"};
  static final String[] NO_PROXY_VARIABLES = {"no_proxy", "NO_PROXY"};

  private final TypedValues values;
  private final Map<String, String> environment;

  /** {@code values}: the job's (or any holding the network keys, checked by NetworkRules). */
  NetworkSettings(TypedValues values, Map<String, String> environment) {
    this.values = values;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<String, String>(environment));
  }

  /** The defaults with no proxy whatever the environment says (tests, tools). */
  public static NetworkSettings direct() {
    List<ConfigKey> keys = new ArrayList<ConfigKey>();
    SortedMap<String, Object> defaults = new TreeMap<String, Object>();
    for (ConfigKey key : JobKeys.CATALOGUE.keys()) {
      if (key.group().equals(PROXY.group())) {
        keys.add(key);
        defaults.put(key.name(), defaultOf(key));
      }
    }
    defaults.put(PROXY.name(), NONE);
    return new NetworkSettings(
        new TypedValues(new KeyCatalogue("network keys", keys), defaults),
        Collections.<String, String>emptyMap());
  }

  private static Object defaultOf(ConfigKey key) {
    try {
      return ValueParser.parse(key, key.defaultValue());
    } catch (ValueParser.InvalidValue e) {
      throw new AssertionError("the default of " + key.name() + " does not parse", e);
    }
  }

  private String proxyKey() {
    return values.text(PROXY).trim();
  }

  private String proxyUser() {
    return values.text(PROXY_USER).trim();
  }

  private Secret proxyPassword() {
    return values.secret(PROXY_PASSWORD);
  }

  /** The variables of {@code environment} that these settings read (nothing else is kept). */
  static Map<String, String> networkVariables(Map<String, String> environment) {
    Map<String, String> kept = new LinkedHashMap<String, String>();
    for (String[] names : new String[][] {HTTPS_VARIABLES, HTTP_VARIABLES, NO_PROXY_VARIABLES}) {
      for (String name : names) {
        String value = environment.get(name);
        if (value != null && !value.trim().isEmpty()) {
          kept.put(name, value.trim());
        }
      }
    }
    return kept;
  }

  public int connectTimeoutMillis() {
    return values.integer(CONNECT_TIMEOUT) * 1000;
  }

  public int readTimeoutMillis() {
    return values.integer(READ_TIMEOUT) * 1000;
  }

  /** The {@code caCertFile} path; empty for none. */
  public String caCertFile() {
    return values.text(CA_CERT_FILE).trim();
  }

  /**
   * What HTTPS connections trust: the JVM's trust store or a CA of {@code caCertFile}; {@code null}
   * when the key is empty (the JVM's trust store alone, each client's default). The file was
   * checked at load; one that went bad since fails here with the key's problem text.
   *
   * @throws IllegalStateException if the file cannot be read as it was at load
   */
  public X509TrustManager trustManager() {
    String file = caCertFile();
    if (file.isEmpty()) {
      return null;
    }
    try {
      return CaCertificates.withJvmTrustStore(CaCertificates.read(file));
    } catch (CaCertificates.Unusable e) {
      throw new IllegalStateException(CA_CERT_FILE.name() + "=" + file + " " + e.getMessage());
    }
  }

  /**
   * The proxy for requests to {@code endpoint} (a URL, or a bare host taken as http), or {@code
   * null} to connect directly. Values were checked at load; a value that fails here anyway (a
   * variable changed since) is a direct connection.
   */
  public ProxyServer proxyFor(String endpoint) {
    URI uri = URI.create(endpoint.contains("://") ? endpoint : "http://" + endpoint);
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    String host = uri.getHost() == null ? "" : uri.getHost();
    return proxyFor(host, https);
  }

  /** As {@link #proxyFor(String)} for a host reached over https or http. */
  public ProxyServer proxyFor(String host, boolean https) {
    String proxyKey = proxyKey();
    if (NONE.equals(proxyKey)) {
      return null;
    }
    try {
      if (noProxy().bypasses(host)) {
        return null;
      }
      if (!proxyKey.isEmpty()) {
        ProxyAddress a = ProxyAddress.parse(proxyKey);
        return new ProxyServer(a.host, a.port, proxyUser(), proxyPassword(), PROXY.name());
      }
      String variable = firstSet(https ? HTTPS_VARIABLES : HTTP_VARIABLES);
      if (variable == null) {
        return null;
      }
      ProxyAddress a = ProxyAddress.parse(environment.get(variable));
      boolean own = a.hasUserInfo();
      return new ProxyServer(
          a.host,
          a.port,
          own ? a.user : proxyUser(),
          own ? Secret.of(a.password) : proxyPassword(),
          DestinationRules.ENVIRONMENT_LABEL_PREFIX + variable);
    } catch (ProxyAddress.Invalid e) {
      return null;
    }
  }

  /**
   * {@link #proxyFor(String, boolean)} as a JDK {@link ProxySelector}, for clients that choose a
   * route per request (the Apache HttpClient of the {@code http} source, whose URLs name many
   * hosts).
   */
  public ProxySelector proxySelector() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        ProxyServer p =
            proxyFor(
                uri.getHost() == null ? "" : uri.getHost(),
                "https".equalsIgnoreCase(uri.getScheme()));
        return Collections.singletonList(
            p == null
                ? Proxy.NO_PROXY
                : new Proxy(
                    Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // nothing to learn: the attempt fails and is retried as any other
      }
    };
  }

  /**
   * The Basic credentials for the proxy at {@code host}:{@code port}, or {@code null}: those of the
   * {@code proxy} key or variable that names it.
   */
  public PasswordAuthentication proxyCredentials(String host, int port) {
    for (boolean https : new boolean[] {true, false}) {
      ProxyServer p = proxyFor("", https);
      if (p != null && p.hasCredentials() && p.host().equalsIgnoreCase(host) && p.port() == port) {
        return new PasswordAuthentication(p.user(), p.password().reveal().toCharArray());
      }
    }
    return null;
  }

  /** The hosts that bypass the proxy: the {@code noProxy} key, else the environment's. */
  NoProxyList noProxy() throws ProxyAddress.Invalid {
    String noProxyKey = values.text(NO_PROXY).trim();
    if (NONE.equals(noProxyKey)) {
      return NoProxyList.NONE;
    }
    if (!noProxyKey.isEmpty()) {
      return NoProxyList.parse(noProxyKey);
    }
    String variable = firstSet(NO_PROXY_VARIABLES);
    return variable == null ? NoProxyList.NONE : NoProxyList.parse(environment.get(variable));
  }

  String firstSet(String[] names) {
    for (String name : names) {
      if (environment.containsKey(name)) {
        return name;
      }
    }
    return null;
  }

  String environmentValue(String name) {
    return environment.get(name);
  }
}
