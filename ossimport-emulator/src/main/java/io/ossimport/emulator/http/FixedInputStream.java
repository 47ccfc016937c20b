package io.ossimport.emulator.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body of known length; a connection that ends early is an error, not a short body. */
final class FixedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;

  FixedInputStream(InputStream in, long length) {
    this.in = in;
    this.remaining = Math.max(0, length);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("connection closed with " + remaining + " body bytes missing");
    }
    remaining -= n;
    return n;
  }

  boolean finished() {
    return remaining <= 0;
  }
}
