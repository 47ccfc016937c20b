package io.ossimport.emulator.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes a {@code Transfer-Encoding: chunked} request body (extensions and trailers ignored). */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long chunkLeft;
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (chunkLeft == 0) {
      String line = HttpLines.readLine(in);
      if (line == null) {
        throw new EOFException("connection closed inside chunked body");
      }
      int semi = line.indexOf(';');
      String size = (semi < 0 ? line : line.substring(0, semi)).trim();
      try {
        chunkLeft = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + size);
      }
      if (chunkLeft == 0) {
        String trailer;
        do {
          trailer = HttpLines.readLine(in);
        } while (trailer != null && !trailer.isEmpty());
        done = true;
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, chunkLeft));
    if (n < 0) {
      throw new EOFException("connection closed inside chunk");
    }
    chunkLeft -= n;
    if (chunkLeft == 0) {
      HttpLines.readLine(in); // CRLF after the chunk data
    }
    return n;
  }

  boolean finished() {
    return done;
  }
}
