package io.ossimport.emulator.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Receives an object's (or part's) bytes before they become visible, computing size, MD5 and CRC-64
 * on the way. The dialect checks the digests, then hands the writer to {@link Store} to commit;
 * closing an uncommitted writer discards the bytes.
 */
public abstract class ObjectWriter implements Closeable {
  private static final int BUFFER = 64 * 1024;

  private final MessageDigest md5;
  private final Crc64 crc = new Crc64();
  private long size;
  private boolean committed;

  protected ObjectWriter() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores raw bytes (no digesting). */
  protected abstract void store(byte[] b, int off, int len) throws IOException;

  /** Discards what was stored. */
  protected abstract void discard() throws IOException;

  /** Appends bytes and digests them. */
  public final void write(byte[] b, int off, int len) throws IOException {
    store(b, off, len);
    md5.update(b, off, len);
    crc.update(b, off, len);
    size += len;
  }

  /** Appends everything the stream yields until end of stream; returns the bytes read. */
  public final long transferFrom(InputStream in) throws IOException {
    byte[] buf = new byte[BUFFER];
    long total = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      if (n > 0) {
        write(buf, 0, n);
        total += n;
      }
    }
    return total;
  }

  /** Bytes written so far. */
  public final long size() {
    return size;
  }

  /** Binary MD5 of the bytes written (call once, after the last write). */
  public final byte[] md5() {
    return ((MessageDigest) cloneDigest()).digest();
  }

  private Object cloneDigest() {
    try {
      return md5.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CRC-64 of the bytes written. */
  public final long crc64() {
    return crc.getValue();
  }

  /** Adjusts size and CRC when bytes were stored without digesting (assembled parts). */
  protected final void assembled(long totalSize, long totalCrc) {
    size = totalSize;
    crc.reset(totalCrc);
  }

  final void markCommitted() {
    committed = true;
  }

  final boolean isCommitted() {
    return committed;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      committed = true;
      discard();
    }
  }
}
