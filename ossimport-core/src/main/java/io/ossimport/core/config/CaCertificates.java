package io.ossimport.core.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CA certificates of {@code caCertFile}: read from PEM, checked, and turned into a trust
 * manager that accepts a server when the JVM's trust store or one of the file's CAs does.
 *
 * <p>In addition to the JVM's store, not instead of it (rclone's {@code --ca-cert} replaces the
 * system roots): one job often reaches a private endpoint and a public one (a source behind a
 * private CA, OSS with its public certificate), and the OSS SDK adds the JVM's store to whatever it
 * is given anyway.
 */
final class CaCertificates {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----");

  /** Why a {@code caCertFile} cannot be used, as a problem text (no stack trace, no path). */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  private CaCertificates() {}

  /**
   * The certificates of the PEM file at {@code path}.
   *
   * @throws Unusable if the path is not absolute, the file is missing or unreadable, or it holds no
   *     certificate or one that does not parse
   */
  static List<X509Certificate> read(String path) throws Unusable {
    if (!LocalPaths.isAbsolute(path)) {
      throw new Unusable("is not an absolute path (the service may run in another directory)");
    }
    Path file = Paths.get(path);
    if (!Files.isRegularFile(file)) {
      throw new Unusable(Files.exists(file) ? "is not a file" : "does not exist");
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new Unusable("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    List<X509Certificate> certificates = new ArrayList<X509Certificate>();
    Matcher block = PEM_BLOCK.matcher(text);
    while (block.find()) {
      certificates.add(parse(block.group(1), certificates.size() + 1));
    }
    if (certificates.isEmpty()) {
      throw new Unusable("holds no PEM certificate (no -----BEGIN CERTIFICATE----- block)");
    }
    return certificates;
  }

  private static X509Certificate parse(String base64, int number) throws Unusable {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.trim());
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new Unusable("holds a certificate block (number " + number + ") that is not X.509");
    }
  }

  /**
   * A trust manager that accepts what the JVM's trust store accepts or what one of {@code cas}
   * signed.
   */
  static X509TrustManager withJvmTrustStore(List<X509Certificate> cas) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + (i + 1), cas.get(i));
      }
      return either(trustManager(null), trustManager(store));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the trusted certificates: " + e, e);
    }
  }

  /** Accepts a server when {@code jvm} or {@code file} does; checks no client. */
  private static X509TrustManager either(X509TrustManager jvm, X509TrustManager file) {
    return new X509TrustManager() {
      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        try {
          jvm.checkServerTrusted(chain, authType);
        } catch (CertificateException notByTheJvm) {
          file.checkServerTrusted(chain, authType);
        }
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        // only clients use it: no server of ours checks a client's certificate
        throw new CertificateException("the job's trust checks servers, not clients");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] a = jvm.getAcceptedIssuers();
        X509Certificate[] b = file.getAcceptedIssuers();
        X509Certificate[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
      }
    };
  }

  /** The X.509 trust manager of {@code store} ({@code null}: the JVM's default store). */
  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager) {
        return (X509TrustManager) m;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager in " + factory.getAlgorithm());
  }
}
