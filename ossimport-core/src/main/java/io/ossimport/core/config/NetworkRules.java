package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.CA_CERT_FILE;
import static io.ossimport.core.config.JobKeys.NO_PROXY;
import static io.ossimport.core.config.JobKeys.PROXY;
import static io.ossimport.core.config.JobKeys.PROXY_PASSWORD;
import static io.ossimport.core.config.JobKeys.PROXY_USER;

import java.util.Map;

/**
 * Rules for the network keys ({@code proxy}, {@code proxyUser}, {@code proxyPassword}, {@code
 * noProxy}, {@code caCertFile}) and for the proxy variables of the environment they fall back on: a
 * bad value is one problem naming the key or variable, at submit and at each start, not a client
 * that fails later.
 */
final class NetworkRules {
  private static final String EXAMPLE = "e.g. proxy=http://proxy.example.com:3128";

  private NetworkRules() {}

  static void check(ConfigValues v, Findings findings, Map<String, String> environment) {
    String proxy = v.text(PROXY).trim();
    if (!proxy.isEmpty() && !proxy.equals(NetworkSettings.NONE)) {
      try {
        ProxyAddress a = ProxyAddress.parse(proxy);
        if (a.hasUserInfo()) {
          v.problemShowing(
              PROXY,
              maskUserInfo(proxy),
              "holds a user or password; the password would show wherever the proxy is named",
              "write proxy=http://" + a.host + ":" + a.port + " with proxyUser and proxyPassword");
        }
      } catch (ProxyAddress.Invalid e) {
        v.problemShowing(PROXY, maskUserInfo(proxy), e.getMessage(), EXAMPLE + ", or none");
      }
    }
    String noProxy = v.text(NO_PROXY).trim();
    if (!noProxy.isEmpty() && !noProxy.equals(NetworkSettings.NONE)) {
      try {
        NoProxyList.parse(noProxy);
      } catch (ProxyAddress.Invalid e) {
        v.problem(NO_PROXY, e.getMessage(), "e.g. noProxy=localhost,127.0.0.1,.internal.example");
      }
    }
    boolean user = !v.text(PROXY_USER).trim().isEmpty();
    boolean password = !v.secret(PROXY_PASSWORD).isEmpty();
    if (user && !password) {
      v.problem(PROXY_USER, "is set without proxyPassword", "set proxyPassword too, or neither");
    } else if (password && !user) {
      v.problem(PROXY_PASSWORD, "is set without proxyUser", "set proxyUser too, or neither");
    }
    checkCaCertFile(v);
    if (proxy.isEmpty()) {
      checkVariables(findings, environment, NetworkSettings.HTTPS_VARIABLES, false);
      checkVariables(findings, environment, NetworkSettings.HTTP_VARIABLES, false);
    }
    if (noProxy.isEmpty()) {
      checkVariables(findings, environment, NetworkSettings.NO_PROXY_VARIABLES, true);
    }
  }

  private static void checkCaCertFile(ConfigValues v) {
    String file = v.text(CA_CERT_FILE).trim();
    if (file.isEmpty()) {
      return;
    }
    try {
      CaCertificates.read(file);
    } catch (CaCertificates.Unusable e) {
      v.problem(
          CA_CERT_FILE,
          e.getMessage(),
          "set caCertFile to the absolute path of the PEM file of the CA that signed the server's"
              + " certificate (openssl x509 -outform PEM, keytool -exportcert -rfc), or leave it"
              + " empty");
    }
  }

  /** Checks the variable of {@code names} that would be used (the first one set). */
  private static void checkVariables(
      Findings findings, Map<String, String> environment, String[] names, boolean hostList) {
    for (String name : names) {
      String value = environment.get(name);
      if (value == null || value.trim().isEmpty()) {
        continue;
      }
      try {
        if (hostList) {
          NoProxyList.parse(value);
        } else {
          ProxyAddress.parse(value);
        }
      } catch (ProxyAddress.Invalid e) {
        findings.problem(
            new Origin(DestinationRules.ENVIRONMENT_LABEL_PREFIX + name, 0, Origin.UNSET_ORDER - 1),
            name,
            hostList ? value : maskUserInfo(value),
            e.getMessage(),
            hostList
                ? "fix or unset " + name + ", or set noProxy in the job (none = no exception)"
                : "fix or unset "
                    + name
                    + " (e.g. http://proxy.example.com:3128), or set proxy in the job (none ="
                    + " no proxy)");
      }
      return;
    }
  }

  /** {@code user:secret@host:port} shows as {@code user:****@host:port}. */
  static String maskUserInfo(String value) {
    return value.replaceFirst("^((?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@:]*:)[^/@]*@", "$1****@");
  }
}
