package io.ossimport.core.source.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A GetObject body that aborts the connection when closed before its end. Closing normally would
 * make the HTTP client read the rest of the object to reuse the connection, which for a part cut
 * short (a stop, a failed upload) can be gigabytes.
 */
final class S3ObjectStream extends FilterInputStream {
  private final ResponseInputStream<?> response;
  private boolean ended;

  S3ObjectStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    ended |= b < 0;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    ended |= n < 0;
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    if (!ended) {
      response.abort();
    }
    super.close();
  }
}
