package io.ossimport.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private test CA and a server certificate it signed for {@code IP:127.0.0.1}, for {@link
 * OssEmulator.Builder#tls}: made by the JDK's {@code keytool} as child processes ({@code
 * -genkeypair}, {@code -certreq}, {@code -gencert}, {@code -exportcert -rfc}), the steps an
 * operator follows with a private CA.
 *
 * <p>Made when needed rather than shipped: nothing to expire, no private key in a repository. Two
 * 2048-bit RSA keys take about a second. Test and demo use only: the store password is fixed.
 */
public final class TestCertificates {
  private static final String PASSWORD = "emulator-test-store";

  private final Path caPem;
  private final Path serverStore;

  private TestCertificates(Path caPem, Path serverStore) {
    this.caPem = caPem;
    this.serverStore = serverStore;
  }

  /**
   * Makes the CA ({@code ca.p12}, {@code ca.pem}) and the server certificate ({@code server.p12})
   * in {@code dir}.
   *
   * @throws IOException if keytool is missing or fails (its output is in the message)
   */
  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.p12");
    Path server = dir.resolve("server.p12");
    Path caPem = dir.resolve("ca.pem");
    Path csr = dir.resolve("server.csr");
    Path serverPem = dir.resolve("server.pem");
    newKeyPair(ca, "ca", "CN=ossimport test CA", "bc:c");
    keytool(ca, "-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString());
    newKeyPair(server, "server", "CN=127.0.0.1", "SAN=IP:127.0.0.1");
    keytool(server, "-certreq", "-alias", "server", "-file", csr.toString());
    keytool(
        ca,
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-infile",
        csr.toString(),
        "-outfile",
        serverPem.toString(),
        "-validity",
        "2",
        "-ext",
        "SAN=IP:127.0.0.1",
        "-ext",
        "EKU=serverAuth");
    // the signed certificate replaces the self-signed one once the store knows its issuer
    keytool(server, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString());
    keytool(server, "-importcert", "-alias", "server", "-file", serverPem.toString());
    return new TestCertificates(caPem, server);
  }

  /** The CA certificate in PEM: what a client is told to trust. */
  public Path caPem() {
    return caPem;
  }

  /** A TLS context presenting the server certificate (with its CA), for {@link OssEmulator}. */
  public SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** A TLS context that trusts this CA only, for a test client of the server. */
  public SSLContext clientContext() throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(caPem)) {
      trusted.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void newKeyPair(Path store, String alias, String name, String extension)
      throws IOException, InterruptedException {
    keytool(
        store,
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        name,
        "-ext",
        extension);
  }

  private static void keytool(Path store, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(Arrays.asList(args));
    command.addAll(
        Arrays.asList(
            "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = p.getInputStream();
    byte[] b = new byte[4096];
    for (int n; (n = in.read(b)) > 0; ) {
      out.write(b, 0, n);
    }
    if (p.waitFor() != 0) {
      throw new IOException(
          "keytool "
              + args[0]
              + " failed: "
              + new String(out.toByteArray(), StandardCharsets.UTF_8));
    }
  }
}
