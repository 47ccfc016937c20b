package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.emulator.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkRulesTest {
  @TempDir Path temp;

  private static String onlyProblem(String... keyValues) {
    List<String> lines = Jobs.lines(Jobs.problems(Jobs.with(keyValues)));
    assertEquals(1, lines.size(), lines.toString());
    return lines.get(0);
  }

  private static NetworkSettings network(Map<String, String> env, String... keyValues)
      throws ConfigurationException {
    return new JobConfigLoader(env).load(Jobs.with(keyValues), Jobs.FILE).config().network();
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void theDefaultsAreNoProxyAndTheTimeoutsTheClientsHad() throws Exception {
    NetworkSettings n = network(Collections.<String, String>emptyMap());
    assertNull(n.proxyFor("https://oss-cn-hangzhou.aliyuncs.com"));
    assertEquals(10_000, n.connectTimeoutMillis());
    assertEquals(60_000, n.readTimeoutMillis());
  }

  @Test
  void aBadProxyIsOneProblemNamingKeyValueAndTheFix() {
    String noPort = onlyProblem("proxy", "proxy.example.com");
    assertTrue(noPort.contains("proxy='proxy.example.com'"), noPort);
    assertTrue(noPort.contains("port from 1 to 65535"), noPort);
    assertTrue(noPort.contains("proxy=http://proxy.example.com:3128"), noPort);
    assertTrue(onlyProblem("proxy", "host:99999").contains("port from 1 to 65535"));
    assertTrue(onlyProblem("proxy", "http://bad host:80").contains("is not a URL"));
    assertTrue(onlyProblem("proxy", "https://p.example.com:443").contains("only http://"));
    assertTrue(onlyProblem("proxy", "http://p:8080/path").contains("only host:port"));
  }

  @Test
  void aPasswordInTheProxyUrlIsRefusedAndNotShown() {
    String line = onlyProblem("proxy", "http://mover:s3cret-77@p.example.com:3128");
    assertFalse(line.contains("s3cret-77"), line);
    assertTrue(line.contains("proxyUser and proxyPassword"), line);
    String bare = onlyProblem("proxy", "mover:s3cret-77@p.example.com:3128");
    assertFalse(bare.contains("s3cret-77"), bare);
  }

  @Test
  void userAndPasswordGoTogether() {
    assertTrue(onlyProblem("proxyUser", "mover").contains("without proxyPassword"));
    assertTrue(onlyProblem("proxyPassword", "pw-1").contains("without proxyUser"));
  }

  @Test
  void aBadTimeoutIsOneProblem() {
    assertTrue(onlyProblem("readTimeout", "0").startsWith("conf/local_job.cfg: readTimeout='0'"));
    assertTrue(onlyProblem("connectTimeout", "ten").contains("connectTimeout='ten'"));
    assertTrue(onlyProblem("connectTimeout", "3601").contains("connectTimeout='3601'"));
  }

  @Test
  void aBadEnvironmentVariableIsOneProblemNamingTheVariableWithoutItsPassword() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> network(env("HTTPS_PROXY", "http://u:env-secret-9@proxy.example.com")));
    String line = Jobs.lines(e.problems()).toString();
    assertTrue(line.contains("environment variable HTTPS_PROXY"), line);
    assertTrue(line.contains("port from 1 to 65535"), line);
    assertFalse(line.contains("env-secret-9"), line);
  }

  @Test
  void theEnvironmentAppliesPerSchemeAndTheKeyWins() throws Exception {
    Map<String, String> env =
        env("HTTPS_PROXY", "http://u:env-pw@secure.example.com:3128", "http_proxy", "plain:8080");
    NetworkSettings n = network(env);
    ProxyServer secure = n.proxyFor("https://oss-cn-hangzhou.aliyuncs.com");
    assertEquals("http://secure.example.com:3128", secure.toString());
    assertEquals("u", secure.user());
    assertEquals("env-pw", secure.password().reveal());
    assertEquals("environment variable HTTPS_PROXY", secure.origin());
    assertEquals("http://plain:8080", n.proxyFor("http://oss-cn-hangzhou.aliyuncs.com").toString());
    assertNull(network(env, "proxy", "none").proxyFor("https://oss-cn-hangzhou.aliyuncs.com"));
    ProxyServer key = network(env, "proxy", "mine:1").proxyFor("https://x.example.com");
    assertEquals("proxy", key.origin());
    assertFalse(key.hasCredentials());
  }

  @Test
  void theFrozenJobHoldsAReferenceToTheProxyPasswordAndTheReadersEnvironment() throws Exception {
    Path file = temp.resolve("local_job.cfg");
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e :
        Jobs.with("proxy", "p.example.com:3128", "proxyUser", "mover", "proxyPassword", "pw-xyz-1")
            .entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(Collections.<String, String>emptyMap())
            .load(file, Collections.<String, String>emptyMap(), "inline");

    String frozen = CanonicalJobConfig.write(loaded);

    assertFalse(frozen.contains("pw-xyz-1"), frozen);
    assertTrue(frozen.contains("proxyPassword=@file:"), frozen);
    assertFalse(loaded.config().toString().contains("pw-xyz-1"));
    JobConfig read =
        CanonicalJobConfig.read(
            frozen,
            "JOB",
            new CredentialResolver(
                env("no_proxy", "p.example.com"),
                io.ossimport.core.api.SuppliedCredentials.none()));
    ProxyServer proxy = read.network().proxyFor("https://oss.example.com");
    assertEquals("pw-xyz-1", proxy.password().reveal());
    assertFalse(proxy.toString().contains("pw-xyz-1"));
    assertNull(
        read.network().proxyFor("http://p.example.com"),
        "no_proxy of the process that reads the job applies");
  }

  @Test
  void noProxyMatchesAsCurlDoes() throws Exception {
    NetworkSettings n =
        network(
            env("https_proxy", "p:1", "http_proxy", "p:1"),
            "noProxy",
            ".internal.example, 127.0.0.1, 10.0.0.0/8, localhost:8080");
    assertNull(n.proxyFor("https://internal.example"));
    assertNull(n.proxyFor("https://oss.internal.example"));
    assertNull(n.proxyFor("http://127.0.0.1:9000"));
    assertNull(n.proxyFor("http://10.1.2.3"));
    assertNull(n.proxyFor("http://localhost:1234"));
    assertEquals("http://p:1", n.proxyFor("http://notinternal.example").toString());
    assertEquals("http://p:1", n.proxyFor("http://127.0.0.2").toString());
    assertEquals("http://p:1", n.proxyFor("http://11.0.0.1").toString());
    NetworkSettings everything = network(env("http_proxy", "p:1", "NO_PROXY", "*"));
    assertNull(everything.proxyFor("http://anything.example"));
    NetworkSettings loopback = network(env("http_proxy", "p:1"));
    assertEquals(
        "http://p:1",
        loopback.proxyFor("http://127.0.0.1:9000").toString(),
        "as curl: no implicit bypass of 127.0.0.1");
    assertTrue(onlyProblem("noProxy", "10.0.0.0/40").contains("no CIDR range"));
  }

  @Test
  void aBadCaCertFileIsOneProblemNamingKeyFileAndFix() throws Exception {
    Path missing = temp.resolve("missing.pem");
    String line = onlyProblem("caCertFile", slashes(missing));
    assertTrue(line.contains("caCertFile='" + slashes(missing) + "'"), line);
    assertTrue(line.contains("does not exist"), line);
    assertTrue(line.contains("set caCertFile to the absolute path of the PEM file"), line);

    assertTrue(onlyProblem("caCertFile", "certs/ca.pem").contains("not an absolute path"));
    assertTrue(onlyProblem("caCertFile", slashes(temp)).contains("is not a file"));

    Path text = Files.write(temp.resolve("notes.pem"), "not a certificate\n".getBytes("UTF-8"));
    assertTrue(onlyProblem("caCertFile", slashes(text)).contains("holds no PEM certificate"));

    Path broken =
        Files.write(
            temp.resolve("broken.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes("UTF-8"));
    assertTrue(onlyProblem("caCertFile", slashes(broken)).contains("not X.509"));
  }

  @Test
  void aCaCertFileOfTwoCertificatesTrustsBothBesidesTheJvmStore() throws Exception {
    Path a = TestCertificates.create(Files.createDirectories(temp.resolve("a"))).caPem();
    Path b = TestCertificates.create(Files.createDirectories(temp.resolve("b"))).caPem();
    Path both = temp.resolve("both.pem");
    Files.write(
        both,
        ("two test CAs\n"
                + new String(Files.readAllBytes(a), StandardCharsets.US_ASCII)
                + new String(Files.readAllBytes(b), StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII));

    X509TrustManager trust =
        network(Collections.<String, String>emptyMap(), "caCertFile", slashes(both)).trustManager();

    Set<String> issuers = new HashSet<>();
    for (X509Certificate c : trust.getAcceptedIssuers()) {
      issuers.add(c.getSubjectX500Principal().getName());
    }
    assertTrue(issuers.contains("CN=ossimport test CA"), issuers.toString());
    assertTrue(issuers.size() > 2, "the JVM's trusted CAs too: " + issuers.size());
    assertEquals(2, CaCertificates.read(slashes(both)).size());
    assertNull(network(Collections.<String, String>emptyMap()).trustManager(), "empty: JVM only");
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }
}
