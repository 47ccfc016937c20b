package io.ossimport.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The request body as handlers read it: sends {@code 100 Continue} before the first read when the
 * client asked for it, and counts bytes.
 */
final class BodyInputStream extends InputStream {
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final InputStream in;
  private OutputStream continueOut;
  private final boolean declared;
  private long count;
  private boolean eof;

  BodyInputStream(InputStream in, OutputStream continueOut, boolean declared) {
    this.in = in;
    this.continueOut = declared ? continueOut : null;
    this.declared = declared;
  }

  private void sendContinueIfNeeded() throws IOException {
    if (continueOut != null) {
      continueOut.write(CONTINUE);
      continueOut.flush();
      continueOut = null;
    }
  }

  /** True while the client still waits for 100 Continue before sending the body. */
  boolean continuePending() {
    return continueOut != null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (eof) {
      return -1;
    }
    sendContinueIfNeeded();
    int n = in.read(b, off, len);
    if (n < 0) {
      eof = true;
    } else {
      count += n;
    }
    return n;
  }

  long count() {
    return count;
  }

  boolean declared() {
    return declared;
  }

  /** True when the whole body has been consumed. */
  boolean finished() {
    if (in instanceof FixedInputStream) {
      return ((FixedInputStream) in).finished();
    }
    return ((ChunkedInputStream) in).finished();
  }

  /** Reads and drops what is left of the body. */
  void drain() throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (read(buf, 0, buf.length) != -1) {
      // discard
    }
  }
}
