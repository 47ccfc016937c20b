package io.ossimport.core.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one bounded read loop of the engine: at most {@code length} bytes of something, handed out in
 * order, with the position a subclass needs to resume, verify or count. Subclasses say only where
 * the bytes come from ({@link #readRange}) and what an early end means ({@link #endedEarly}); the
 * bookkeeping (zero-length reads, never reading past the range, a single-byte read) is here once,
 * so the local file ranges, the HTTP bodies and the worker's request bodies cannot drift apart.
 */
public abstract class RangeInputStream extends InputStream {
  private final long length;
  private long position;

  /** A stream of at most {@code length} bytes. */
  protected RangeInputStream(long length) {
    this.length = length;
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long remaining = length - position;
    if (remaining <= 0) {
      return -1;
    }
    int n = readRange(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      endedEarly();
      position = length; // the underlying stream is done: later reads end at once
      return -1;
    }
    position += n;
    return n;
  }

  /**
   * Reads up to {@code len} bytes (never more than the range has left) at {@link #position()}, or
   * returns -1 when what lies underneath ends first.
   */
  protected abstract int readRange(byte[] b, int off, int len) throws IOException;

  /**
   * Called when {@link #readRange} ends before the range did; by default the stream just ends
   * early. A subclass that must not hand out a short range throws here.
   */
  protected void endedEarly() throws IOException {}

  /** The number of bytes of the range handed out so far. */
  protected final long position() {
    return position;
  }

  /** The range's length: at most this many bytes are handed out. */
  protected final long length() {
    return length;
  }

  /** Moves the position (a skip, or a reset to a mark); the subclass repositions what it reads. */
  protected final void moveTo(long newPosition) {
    position = newPosition;
  }
}
