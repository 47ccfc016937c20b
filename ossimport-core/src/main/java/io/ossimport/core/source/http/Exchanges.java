package io.ossimport.core.source.http;

import io.ossimport.core.source.TransientSourceException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.HttpResponse;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Sends one request and says what its failure means for the worker: a network failure or a 5xx/429
 * answer may pass ({@link TransientSourceException}, retried); 404/410 means the object is gone
 * ({@link NoSuchFileException}); an unknown host, a refused certificate, a protocol error (e.g. a
 * redirect loop) or another status is final (a plain {@link IOException}). Every message names the
 * method, the URL and what happened.
 */
final class Exchanges {
  private Exchanges() {}

  static CloseableHttpResponse execute(CloseableHttpClient client, HttpUriRequest request)
      throws IOException {
    try {
      return client.execute(request);
    } catch (UnknownHostException | SSLHandshakeException | ClientProtocolException e) {
      throw new IOException(describe(request) + " failed: " + e, e);
    } catch (IOException e) {
      throw new TransientSourceException(describe(request) + " failed: " + e, e);
    }
  }

  static boolean isGone(int status) {
    return status == 404 || status == 410;
  }

  static boolean mayPass(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  /** The exception for an answer that is not a success; closes the response. */
  static IOException failure(HttpUriRequest request, CloseableHttpResponse response) {
    int status = response.getStatusLine().getStatusCode();
    String message = describe(request) + " answered " + statusText(response);
    closeQuietly(response);
    if (isGone(status)) {
      return new NoSuchFileException(request.getURI().toString(), null, message);
    }
    if (mayPass(status)) {
      return new TransientSourceException(message, null);
    }
    return new IOException(message);
  }

  static String statusText(HttpResponse response) {
    String reason = response.getStatusLine().getReasonPhrase();
    int status = response.getStatusLine().getStatusCode();
    return "HTTP " + status + (reason == null || reason.isEmpty() ? "" : " " + reason);
  }

  static String describe(HttpUriRequest request) {
    return request.getMethod() + " " + request.getURI();
  }

  /** Drops the connection without reading what is left of the body. */
  static void closeQuietly(CloseableHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // The connection is discarded either way.
    }
  }
}
