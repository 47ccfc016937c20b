package io.ossimport.core.source.s3;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs S3Proxy (a real S3 server over jclouds' in-memory blob store) as a separate JVM on 127.0.0.1
 * for one test class. A separate process because S3Proxy's JAXB clashes with the OSS SDK's in one
 * class path. The jar is copied by the build into {@code target/s3proxy/} and named by the system
 * property {@code s3proxy.jar}.
 *
 * <pre>{@code @RegisterExtension static final S3ProxyExtension S3PROXY = new S3ProxyExtension();}
 * </pre>
 */
final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
  static final String ACCESS_KEY = "s3proxy-identity";
  static final String SECRET = "s3proxy-credential-do-not-print";
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private Process process;
  private Path log;
  private int port;

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(
          "S3Proxy jar not found (system property s3proxy.jar = "
              + jar
              + "); run the tests through 'mvn verify', which copies it into target/s3proxy/");
    }
    Path dir = Files.createDirectories(Paths.get("target", "s3proxy"));
    port = freePort();
    Path properties = dir.resolve("s3proxy-" + port + ".properties");
    try (Writer w = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
      w.write("s3proxy.endpoint=http://127.0.0.1:" + port + "\n");
      w.write("s3proxy.authorization=aws-v2-or-v4\n");
      w.write("s3proxy.identity=" + ACCESS_KEY + "\n");
      w.write("s3proxy.credential=" + SECRET + "\n");
      w.write("jclouds.provider=transient\n");
      w.write("jclouds.identity=unused\n");
      w.write("jclouds.credential=unused\n");
    }
    log = dir.resolve("s3proxy-" + port + ".log");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                Arrays.asList(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitListening();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitListening() throws Exception {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) new URL(endpoint() + "/").openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        c.getResponseCode(); // 403 without a signature: it is serving
        c.disconnect();
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("S3Proxy did not start; see " + log.toAbsolutePath());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
