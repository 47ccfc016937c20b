package io.ossimport.core.source.s3;

import io.ossimport.core.source.SourceNetwork;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The one place an {@link S3Client} is configured for a source. */
final class S3Clients {
  /** Enough for every worker thread and multipart reader of one job at once. */
  private static final int MAX_CONNECTIONS = 128;

  private S3Clients() {}

  static S3Client build(S3SourceSettings settings) {
    S3Location location = settings.location();
    SourceNetwork network = settings.network();
    return S3Client.builder()
        .endpointOverride(location.endpoint())
        .region(Region.of(location.region()))
        .forcePathStyle(location.pathStyle())
        // Everything explicit: no environment variables, profiles or instance metadata consulted.
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretKey())))
        // Only reads: no checksum headers that third-party stores may not know, and no
        // x-amz-checksum-mode on GET (COS, BOS, KS3 and older servers ignore or reject it).
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(
            ApacheHttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(Duration.ofMillis(network.connectTimeoutMillis()))
                .socketTimeout(Duration.ofMillis(network.readTimeoutMillis()))
                .proxyConfiguration(proxy(network, location.endpoint()))
                .tlsTrustManagersProvider(trust(network)))
        .build();
  }

  /**
   * The job's proxy for the endpoint, or none: never the SDK's own reading of system properties and
   * variables, so that {@code proxy}/{@code noProxy} decide as for every other client.
   */
  private static ProxyConfiguration proxy(SourceNetwork network, URI endpoint) {
    ProxyConfiguration.Builder proxy =
        ProxyConfiguration.builder()
            .useSystemPropertyValues(false)
            .useEnvironmentVariableValues(false);
    for (Proxy p : network.proxies().select(endpoint)) {
      if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress) {
        InetSocketAddress a = (InetSocketAddress) p.address();
        proxy.endpoint(URI.create("http://" + a.getHostString() + ":" + a.getPort()));
        PasswordAuthentication login = network.proxyLogin(a.getHostString(), a.getPort());
        if (login != null) {
          proxy.username(login.getUserName()).password(new String(login.getPassword()));
        }
        break;
      }
    }
    return proxy.build();
  }

  /** The job's trusted certificates, or {@code null}: the SDK's default (the JVM's trust store). */
  private static TlsTrustManagersProvider trust(SourceNetwork network) {
    X509TrustManager trust = network.trust();
    return trust == null ? null : () -> new TrustManager[] {trust};
  }
}
