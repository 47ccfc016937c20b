package io.ossimport.core.worker;

import io.ossimport.core.accounting.ThrottledInputStream;
import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.SourceFailureException;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.RangeInputStream;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.core.source.TransientSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of one request: {@code length} bytes of a source object from {@code offset}, read
 * through the worker's shared throughput limiter.
 *
 * <p>It guards against a source that changes while it is read. When a read would hand out the last
 * byte of the range (or the source ends early), the source is looked up again <em>before</em> that
 * chunk is returned; if its size or mtime differ from {@code expected}, or it is gone, the read
 * throws a {@link SourceFailureException} ({@code SIZE_NOT_MATCH} or {@code SOURCE_NOT_FOUND}). The
 * HTTP client then aborts the request with its body incomplete, so OSS never stores an object that
 * is half old and half new.
 *
 * <p>With a {@code sent} counter, the body adds the bytes it hands out to it (each byte once,
 * however often the client resets), takes them back when it is closed without {@link #sent()} (the
 * request failed; a retry sends them again) and makes them exactly {@code length} on {@link
 * #sent()}: the object's progress while it uploads.
 *
 * <p>Mark and reset reopen the source at the marked position instead of buffering: the SDK wraps
 * bodies that cannot be reset in a 512 KB buffer, which would cost that much per request.
 */
final class SourceBody extends RangeInputStream {
  private final Source source;
  private final String reference;
  private final long offset;
  private final ObjectStat expected;
  private final ThroughputLimiter limiter;
  private final AtomicLong sent;
  private long counted;
  private boolean confirmed;
  private InputStream in;
  private long mark;

  SourceBody(
      Source source,
      String reference,
      long offset,
      long length,
      ObjectStat expected,
      ThroughputLimiter limiter) {
    this(source, reference, offset, length, expected, limiter, null);
  }

  /** A body that counts what it hands out in {@code sent} (may be null: not counted). */
  SourceBody(
      Source source,
      String reference,
      long offset,
      long length,
      ObjectStat expected,
      ThroughputLimiter limiter,
      AtomicLong sent) {
    super(length);
    this.sent = sent;
    this.source = source;
    this.reference = reference;
    this.offset = offset;
    this.expected = expected;
    this.limiter = limiter;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (sent != null && position() > counted) {
      sent.addAndGet(position() - counted);
      counted = position();
    }
    return n;
  }

  @Override
  protected int readRange(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = stream().read(b, off, len);
    } catch (IOException e) {
      throw readFailure(e);
    }
    if (n >= 0 && position() + n >= length()) {
      verify(); // before the last chunk goes out: a changed source aborts the request
    }
    return n;
  }

  @Override
  protected void endedEarly() throws IOException {
    verify();
    throw new SourceFailureException(
        ReasonCode.SIZE_NOT_MATCH,
        false,
        "the source ended after " + (offset + position()) + " of " + expected.size() + " bytes");
  }

  /** OSS has the whole range: it counts as sent, whatever closing does. */
  void sent() {
    if (sent != null && !confirmed) {
      confirmed = true;
      sent.addAndGet(length() - counted);
      counted = length();
    }
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    byte[] buf = new byte[8192];
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public synchronized void mark(int readLimit) {
    mark = position();
  }

  @Override
  public synchronized void reset() throws IOException {
    closeStream();
    moveTo(mark);
  }

  @Override
  public void close() throws IOException {
    if (sent != null && !confirmed && counted > 0) {
      sent.addAndGet(-counted); // the request failed: its bytes are to be sent again
      counted = 0;
    }
    closeStream();
  }

  private InputStream stream() throws IOException {
    if (in == null) {
      long start = offset + position();
      long rest = length() - position();
      InputStream raw;
      if (source.features().contains(SourceFeature.RANGED_READ)) {
        raw = source.open(reference, start, rest);
      } else {
        raw = source.open(reference);
        skipFully(raw, start);
      }
      in = limiter.mayLimit() ? new ThrottledInputStream(raw, limiter) : raw;
    }
    return in;
  }

  /** Throws unless the source still has the size and mtime the upload started with. */
  private void verify() throws IOException {
    ObjectStat now;
    try {
      now = source.stat(reference);
    } catch (IOException e) {
      throw readFailure(e);
    }
    if (!now.exists()) {
      throw new SourceFailureException(
          ReasonCode.SOURCE_NOT_FOUND, false, "the source was deleted while it was read");
    }
    if (now.size() != expected.size()
        || now.lastModifiedMillis() != expected.lastModifiedMillis()) {
      throw new SourceFailureException(
          ReasonCode.SIZE_NOT_MATCH,
          false,
          "the source changed while it was read (size "
              + expected.size()
              + " -> "
              + now.size()
              + ", mtime "
              + expected.lastModifiedMillis()
              + " -> "
              + now.lastModifiedMillis()
              + ")");
    }
  }

  private static IOException readFailure(IOException e) {
    if (e instanceof SourceFailureException) {
      return e;
    }
    if (e instanceof InterruptedIOException) {
      // A throttled read cut by a closing worker: retryable, so the stop (not a failure) ends it.
      return new SourceFailureException(
          ReasonCode.SOURCE_READ_ERROR, true, "reading the source was interrupted", e);
    }
    if (e instanceof TransientSourceException) {
      return new SourceFailureException(ReasonCode.SOURCE_READ_ERROR, true, e.getMessage(), e);
    }
    if (e instanceof NoSuchFileException) {
      return new SourceFailureException(
          ReasonCode.SOURCE_NOT_FOUND, false, "the source was deleted before it was read", e);
    }
    return new SourceFailureException(
        ReasonCode.SOURCE_READ_ERROR, false, "reading the source failed: " + e.getMessage(), e);
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          return;
        }
        s = 1;
      }
      left -= s;
    }
  }

  private void closeStream() throws IOException {
    InputStream s = in;
    in = null;
    if (s != null) {
      s.close();
    }
  }
}
