package io.ossimport.core.oss;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import io.ossimport.core.config.AccessKeyCredentials;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.NetworkSettings;
import io.ossimport.core.config.ProxyServer;
import io.ossimport.core.config.Secret;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the OSS client of a job's destination ({@code destDomain}, {@code destAccessKey}, {@code
 * destSecretKey}, {@code destSecurityToken} when the AccessKey is an STS one).
 *
 * <p>Settings and why:
 *
 * <ul>
 *   <li>CRC-64 check on: the SDK computes the CRC-64 of every PUT and part body while streaming it,
 *       compares it with OSS's {@code x-oss-hash-crc64ecma}, and combines part CRCs for Complete; a
 *       difference is an {@code InconsistentException} ({@code CRC_NOT_MATCH}).
 *   <li>SDK retries off: every attempt is the worker's, so each one is classified, backed off with
 *       jitter and written to {@code audit.log}.
 *   <li>Connections: one per object thread and part thread, so no request waits for the pool.
 *   <li>Network ({@link NetworkSettings}: {@code proxy}, {@code noProxy} or the environment's proxy
 *       variables, {@code connectTimeout}, {@code readTimeout}): the proxy is chosen for the
 *       client's one endpoint; defaults 10 s to connect (an endpoint that does not answer, e.g. an
 *       {@code -internal} one outside ECS, fails fast and is retried), 60 s of socket silence;
 *       HTTPS trusts the CAs of {@code caCertFile} besides the JVM's trust store.
 * </ul>
 */
public final class OssClients {
  private OssClients() {}

  /**
   * A client for {@code config}'s destination with room for {@code maxConnections} requests at
   * once.
   */
  public static OSS create(JobConfig config, int maxConnections) {
    return create(
        config.destDomain(), config.destinationCredentials(), config.network(), maxConnections);
  }

  /**
   * A client for any OSS endpoint with the same settings, e.g. the source of {@code srcType=oss}
   * ({@code srcDomain}, {@code srcAccessKey}, {@code srcSecretKey}).
   */
  public static OSS create(
      String endpoint,
      String accessKeyId,
      Secret secret,
      NetworkSettings network,
      int maxConnections) {
    return create(
        endpoint,
        new AccessKeyCredentials(accessKeyId, secret, Secret.empty()),
        network,
        maxConnections);
  }

  /** A client for any OSS endpoint, with an STS security token when the credentials hold one. */
  public static OSS create(
      String endpoint,
      AccessKeyCredentials credentials,
      NetworkSettings network,
      int maxConnections) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setCrcCheckEnabled(true);
    conf.setMaxErrorRetry(0);
    conf.setMaxConnections(Math.max(maxConnections, 1));
    conf.setConnectionTimeout(network.connectTimeoutMillis());
    conf.setSocketTimeout(network.readTimeoutMillis());
    X509TrustManager trust = network.trustManager();
    if (trust != null) {
      // the SDK trusts these besides the JVM's trust store (it adds that one itself)
      conf.setX509TrustManagers(new X509TrustManager[] {trust});
    }
    ProxyServer proxy = network.proxyFor(endpoint);
    if (proxy != null) {
      conf.setProxyHost(proxy.host());
      conf.setProxyPort(proxy.port());
      if (proxy.hasCredentials()) {
        conf.setProxyUsername(proxy.user());
        conf.setProxyPassword(proxy.password().reveal());
      }
    }
    return new OSSClientBuilder()
        .build(endpoint, new DefaultCredentialProvider(sdkCredentials(credentials)), conf);
  }

  /** The SDK's form of {@code credentials}; the token is sent only when there is one. */
  static Credentials sdkCredentials(AccessKeyCredentials credentials) {
    String id = credentials.accessKeyId();
    String secret = credentials.secret().reveal();
    return credentials.securityToken().isEmpty()
        ? new DefaultCredentials(id, secret)
        : new DefaultCredentials(id, secret, credentials.securityToken().reveal());
  }
}
