package io.ossimport.core.testing;

import io.ossimport.core.source.SourceNetwork;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * Starts {@link ForwardProxy} as a separate JVM on 127.0.0.1 and stops it: the real local proxy
 * process of the network tests. Reads its counters over HTTP.
 */
public final class ProxyProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String credentials;

  private ProxyProcess(Process process, int port, String credentialsOrNull) {
    this.process = process;
    this.port = port;
    this.credentials = credentialsOrNull;
  }

  /** A proxy that forwards every request. */
  public static ProxyProcess open() throws IOException {
    return start(null);
  }

  /** A proxy that requires Basic proxy authentication with {@code user} and {@code password}. */
  public static ProxyProcess requiring(String user, String password) throws IOException {
    return start(user + ":" + password);
  }

  private static ProxyProcess start(String credentialsOrNull) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        credentialsOrNull == null
            ? new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), ForwardProxy.class.getName())
            : new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ForwardProxy.class.getName(),
                credentialsOrNull);
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.redirectInput(
        new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null"));
    Process p = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      p.destroyForcibly();
      throw new IOException("the proxy process did not start: " + line);
    }
    return new ProxyProcess(p, Integer.parseInt(line.substring(5).trim()), credentialsOrNull);
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:port}, as the {@code proxy} key takes it. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * A source's network that sends every request through this proxy, logging in with its credentials
   * (if it requires any), with 2-second timeouts.
   */
  public SourceNetwork sourceNetwork() {
    ProxySelector toThisProxy =
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            return Collections.singletonList(
                new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", port)));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        };
    return SourceNetwork.direct()
        .withProxies(
            toThisProxy,
            (host, proxyPort) ->
                credentials == null || proxyPort != port
                    ? null
                    : new PasswordAuthentication(
                        credentials.substring(0, credentials.indexOf(':')),
                        credentials.substring(credentials.indexOf(':') + 1).toCharArray()))
        .withTimeouts(2_000, 2_000);
  }

  /** How many requests (and tunnels) the proxy forwarded so far. */
  public long forwarded() throws IOException {
    return counters()[0];
  }

  /** How many requests the proxy refused with 407. */
  public long refused() throws IOException {
    return counters()[1];
  }

  private long[] counters() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection)
            new URL("http://127.0.0.1:" + port + "/__forwarded").openConnection(Proxy.NO_PROXY);
    try (InputStream in = c.getInputStream()) {
      byte[] b = new byte[64];
      int n = 0;
      int r;
      while ((r = in.read(b, n, b.length - n)) > 0) {
        n += r;
      }
      String[] parts = new String(b, 0, n, StandardCharsets.US_ASCII).trim().split(" ");
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } finally {
      c.disconnect();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
