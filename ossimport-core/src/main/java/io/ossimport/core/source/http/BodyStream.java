package io.ossimport.core.source.http;

import io.ossimport.core.source.RangeInputStream;
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
final class BodyStream extends RangeInputStream {
  private final CloseableHttpResponse response;
  private final InputStream body;
  private final String url;
  private long toSkip;
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
    super(length);
    this.response = response;
    this.body = body;
    this.url = url;
    this.toSkip = skip;
    this.bodyLeft = bodyLength;
  }

  @Override
  protected int readRange(byte[] b, int off, int len) throws IOException {
    try {
      byte[] skipped = toSkip > 0 ? new byte[8192] : null;
      while (toSkip > 0) {
        int n = body.read(skipped, 0, (int) Math.min(skipped.length, toSkip));
        if (n < 0) {
          toSkip = 0;
          bodyLeft = 0;
          return -1;
        }
        toSkip -= n;
        bodyLeft -= n;
      }
      int n = body.read(b, off, len);
      bodyLeft = n < 0 ? 0 : bodyLeft - n;
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
