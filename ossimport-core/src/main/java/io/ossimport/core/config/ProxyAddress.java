package io.ossimport.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;

/**
 * Parses a proxy setting: {@code [http://][user:password@]host:port[/]}, the form of the {@code
 * proxy} key and of the {@code https_proxy} family of variables (as curl reads them).
 */
final class ProxyAddress {
  final String host;
  final int port;
  final String user;
  final String password;

  private ProxyAddress(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /** A value that is not a proxy address: why, and how to write one. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  static ProxyAddress parse(String value) throws Invalid {
    String text = value.trim();
    String withScheme = text.contains("://") ? text : "http://" + text;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw new Invalid("is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http")) {
      throw new Invalid(
          "uses the scheme '" + scheme + "'; only http:// proxies are supported (forward proxies)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new Invalid("names no host");
    }
    if (uri.getPort() < 1 || uri.getPort() > 65535) {
      throw new Invalid("needs a port from 1 to 65535 after the host (host:port)");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new Invalid("has a path, query or fragment; a proxy is only host:port");
    }
    String user = "";
    String password = "";
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ProxyAddress(host, uri.getPort(), user, password);
  }

  boolean hasUserInfo() {
    return !user.isEmpty() || !password.isEmpty();
  }

  private static String decode(String s) throws Invalid {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), "UTF-8");
    } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
      throw new Invalid("has a badly %-encoded user or password");
    }
  }
}
