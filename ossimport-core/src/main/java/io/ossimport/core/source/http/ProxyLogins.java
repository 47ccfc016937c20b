package io.ossimport.core.source.http;

import java.net.PasswordAuthentication;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;

/**
 * Answers HttpClient's question for credentials with the proxy's ({@link
 * HttpSourceSettings#proxyLogin}) and nothing else: a web server of the URL list never gets them.
 */
final class ProxyLogins implements CredentialsProvider {
  private final HttpSourceSettings settings;

  ProxyLogins(HttpSourceSettings settings) {
    this.settings = settings;
  }

  @Override
  public Credentials getCredentials(AuthScope scope) {
    if (scope.getHost() == null || scope.getPort() < 0) {
      return null;
    }
    PasswordAuthentication login = settings.proxyLogin(scope.getHost(), scope.getPort());
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
}
