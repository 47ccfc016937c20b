package io.ossimport.core.source.local;

import io.ossimport.core.source.RangeInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads {@code length} bytes of a file from {@code offset} with positional reads, so parts of one
 * file read in parallel never share a file position. Ends early at end of file.
 */
final class FileRangeInputStream extends RangeInputStream {
  private final FileChannel channel;
  private final long offset;

  FileRangeInputStream(FileChannel channel, long offset, long length) {
    super(length);
    this.channel = channel;
    this.offset = offset;
  }

  @Override
  protected int readRange(byte[] b, int off, int len) throws IOException {
    return channel.read(ByteBuffer.wrap(b, off, len), offset + position());
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, length() - position()));
    moveTo(position() + skipped);
    return skipped;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
