package io.ossimport.core.accounting;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** Reads through a {@link ThroughputLimiter}: every byte read is paid for before it is returned. */
public final class ThrottledInputStream extends FilterInputStream {
  private final ThroughputLimiter limiter;

  public ThrottledInputStream(InputStream in, ThroughputLimiter limiter) {
    super(in);
    this.limiter = limiter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      pay(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      pay(n);
    }
    return n;
  }

  private void pay(int bytes) throws InterruptedIOException {
    try {
      limiter.acquire(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while throttled");
    }
  }
}
