package io.ossimport.core.source.http;

import io.ossimport.core.source.TransientSourceException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * {@code length} bytes of a response body from {@code skip} on: {@code skip} is 0 for an answer to
 * a range request (206) and the range start for a server that ignored the range (200). A failed
 * read is a {@link TransientSourceException}. Closing reuses the connection when the body was read
 * to its end and drops it otherwise (reading the rest of a whole object to save a connection would
 * cost more than a new one).
 */
final class BodyStream extends InputStream {
  private final CloseableHttpResponse response;
  private final InputStream body;
  private final String url;
  private long toSkip;
  private long remaining;
  private long bodyLeft;
  private boolean closed;

  /**
   * @param bodyLength the body's Content-Length, or -1 if the server did not say
   */
  BodyStream(
      CloseableHttpResponse response,
      InputStream body,
      String url,
      long skip,
      long length,
      long bodyLength) {
    this.response = response;
    this.body = body;
    this.url = url;
    this.toSkip = skip;
    this.remaining = length;
    this.bodyLeft = bodyLength;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    try {
      byte[] skipped = toSkip > 0 ? new byte[8192] : null;
      while (toSkip > 0) {
        int n = body.read(skipped, 0, (int) Math.min(skipped.length, toSkip));
        if (n < 0) {
          toSkip = 0;
          remaining = 0;
          bodyLeft = 0;
          return -1;
        }
        toSkip -= n;
        bodyLeft -= n;
      }
      if (remaining <= 0) {
        return -1;
      }
      int n = body.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        remaining = 0;
        bodyLeft = 0;
        return -1;
      }
      remaining -= n;
      bodyLeft -= n;
      return n;
    } catch (IOException e) {
      throw new TransientSourceException("reading the body of " + url + " failed: " + e, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (bodyLeft == 0) {
      body.close(); // fully read: the connection goes back to the pool
    }
    Exchanges.closeQuietly(response);
  }
}
