package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a job-tree text file line by line with bounded memory: lines end with LF (a CR before it is
 * dropped), are strict UTF-8 and at most {@link #MAX_LINE_BYTES} long. It reports whether the last
 * line was terminated, so append-only logs can tell a torn last line from a complete one.
 */
final class LineReader implements Closeable {
  /** Longest line accepted: far above any escaped name or URL, low enough to bound memory. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final InputStream in;
  private final Path file;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private long lineNumber;
  private long bytesConsumed;
  private boolean lastTerminated = true;

  LineReader(InputStream in, Path file) {
    this.in = in;
    this.file = file;
  }

  /** The next line without its terminator, or {@code null} at the end of the file. */
  String next() throws IOException {
    int length = 0;
    boolean terminated = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          break;
        }
      }
      byte b = buffer[position++];
      bytesConsumed++;
      if (b == '\n') {
        terminated = true;
        break;
      }
      if (length == MAX_LINE_BYTES) {
        throw new CorruptFileException(
            file, lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes");
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
      }
      line[length++] = b;
    }
    if (length == 0 && !terminated) {
      return null;
    }
    lineNumber++;
    lastTerminated = terminated;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decodeStrict(length);
  }

  /** Whether the line {@link #next} returned last ended with LF. */
  boolean lastTerminated() {
    return lastTerminated;
  }

  /** 1-based number of the line {@link #next} returned last. */
  long lineNumber() {
    return lineNumber;
  }

  /** Bytes of the file read so far, terminators included. */
  long bytesConsumed() {
    return bytesConsumed;
  }

  Path file() {
    return file;
  }

  CorruptFileException corrupt(String problem) {
    return new CorruptFileException(file, lineNumber, problem);
  }

  private String decodeStrict(int length) throws CorruptFileException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CorruptFileException(file, lineNumber, "not valid UTF-8", e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
