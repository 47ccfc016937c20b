package io.ossimport.core.source.azure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Azurite blob service (the Azure Storage emulator, installed by the build with npm into {@code
 * target/azurite}) in a process of its own, on a free loopback port, storing under a directory of
 * its own. Its well-known development account is {@link #ACCOUNT} with {@link #KEY}.
 */
final class Azurite implements AutoCloseable {
  static final String ACCOUNT = "devstoreaccount1";

  /** Azurite's published development key (not a secret). */
  static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final Process process;
  private final int port;

  private Azurite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Azurite start(Path dataDir) throws IOException, InterruptedException {
    Path home = Paths.get(System.getProperty("azurite.home", "target/azurite"));
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    Path bin = home.resolve("node_modules/.bin/azurite-blob" + (windows ? ".cmd" : ""));
    if (!Files.isRegularFile(bin)) {
      throw new IllegalStateException(
          "Azurite is not installed at "
              + bin.toAbsolutePath()
              + "; run `mvn verify` (pre-integration-test runs npm ci there) with npm on the PATH");
    }
    Files.createDirectories(dataDir);
    int port = freePort();
    List<String> command =
        Arrays.asList(
            bin.toString(),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            String.valueOf(port),
            "--location",
            dataDir.toString(),
            "--silent",
            "--skipApiVersionCheck",
            "--loose");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("azurite.log").toFile())
            .start();
    Azurite azurite = new Azurite(p, port);
    // JUnit closes it at the end of the run; this covers a test JVM that exits otherwise.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "azurite-stop"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!azurite.listening()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        azurite.close();
        throw new IllegalStateException(
            "Azurite did not start on port "
                + port
                + ": "
                + new String(Files.readAllBytes(dataDir.resolve("azurite.log")), "UTF-8"));
      }
      Thread.sleep(100);
    }
    return azurite;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The account endpoint, path style, as {@code srcDomain} takes it. */
  String endpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** Settings for {@code container} in this emulator with the right key. */
  AzureSettings.Builder settings(String container) {
    return AzureSettings.builder(ACCOUNT, KEY, endpoint()).container(container);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
