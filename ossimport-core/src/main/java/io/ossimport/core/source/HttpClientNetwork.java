package io.ossimport.core.source;

import java.net.PasswordAuthentication;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

/**
 * A {@link SourceNetwork} applied to an Apache HttpClient (the client the OSS SDK ships, on which
 * the {@code http} and {@code azure} sources are written), so that both route, log in to the proxy
 * and trust certificates the same way.
 */
public final class HttpClientNetwork {
  private HttpClientNetwork() {}

  /**
   * A connection pool whose https connections use the network's TLS context, with HttpClient's
   * default host name check (a certificate must name the host, e.g. as {@code IP:127.0.0.1}).
   */
  public static PoolingHttpClientConnectionManager pool(SourceNetwork network) {
    return new PoolingHttpClientConnectionManager(
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register("https", new SSLConnectionSocketFactory(network.sslContext()))
            .build());
  }

  /**
   * {@code builder} routing each request as the network's proxies say and answering a proxy's 407
   * with the proxy's credentials only.
   */
  public static HttpClientBuilder route(HttpClientBuilder builder, SourceNetwork network) {
    return builder
        .setRoutePlanner(new SystemDefaultRoutePlanner(network.proxies()))
        .setDefaultCredentialsProvider(proxyLogins(network));
  }

  /**
   * Answers HttpClient's question for credentials with the proxy's ({@link
   * SourceNetwork#proxyLogin}) and nothing else: a server the source reads from (a web server of a
   * URL list, an Azure account) never gets them.
   */
  private static CredentialsProvider proxyLogins(SourceNetwork network) {
    return new CredentialsProvider() {
      @Override
      public Credentials getCredentials(AuthScope scope) {
        if (scope.getHost() == null || scope.getPort() < 0) {
          return null;
        }
        PasswordAuthentication login = network.proxyLogin(scope.getHost(), scope.getPort());
        return login == null
            ? null
            : new UsernamePasswordCredentials(login.getUserName(), new String(login.getPassword()));
      }

      @Override
      public void setCredentials(AuthScope scope, Credentials credentials) {
        throw new UnsupportedOperationException("the proxy credentials come from the job");
      }

      @Override
      public void clear() {}
    };
  }
}
