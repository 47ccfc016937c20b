package io.ossimport.core.source.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a list file line by line from a byte offset, counting bytes and lines, so that a listing
 * can say exactly where it stopped. Lines end at LF, CRLF or a lone CR; a UTF-8 byte order mark at
 * the start of the file is dropped. Memory is bounded: a line longer than {@link #MAX_LINE_BYTES}
 * is returned cut, flagged too long (a file whose line breaks were lost reads as one such line).
 */
final class ListFileReader implements Closeable {
  /** The longest line kept whole; URLs are far shorter. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final int EOF = -1;

  /** One line as read. */
  static final class Line {
    /** 1-based. */
    final long number;

    final String text;

    /** The offset of the first byte after the line and its line break. */
    final long end;

    final boolean tooLong;
    final boolean malformed;

    Line(long number, String text, long end, boolean tooLong, boolean malformed) {
      this.number = number;
      this.text = text;
      this.end = end;
      this.tooLong = tooLong;
      this.malformed = malformed;
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final byte[] line = new byte[MAX_LINE_BYTES];
  private int position;
  private int limit;
  private long offset;
  private long lineNumber;

  /**
   * @param in the file, positioned at {@code offset}
   * @param offset bytes of the file before {@code in}'s position
   * @param linesBefore lines that end before {@code offset}
   */
  ListFileReader(InputStream in, long offset, long linesBefore) {
    this.in = in;
    this.offset = offset;
    this.lineNumber = linesBefore;
  }

  /** The next line, or {@code null} at the end of the file. */
  Line read() throws IOException {
    if (offset == 0) {
      skipByteOrderMark();
    }
    int b = next();
    if (b == EOF) {
      return null;
    }
    int length = 0;
    boolean tooLong = false;
    while (b != EOF && b != '\n' && b != '\r') {
      if (length < line.length) {
        line[length++] = (byte) b;
      } else {
        tooLong = true;
      }
      b = next();
    }
    if (b == '\r' && peek() == '\n') {
      next();
    }
    lineNumber++;
    String text;
    boolean malformed = false;
    try {
      text = strictDecoder().decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      text = new String(line, 0, length, StandardCharsets.UTF_8);
      malformed = true;
    }
    return new Line(lineNumber, text, offset, tooLong, malformed);
  }

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private void skipByteOrderMark() throws IOException {
    if (fill(3)
        && (buffer[position] & 0xff) == 0xEF
        && (buffer[position + 1] & 0xff) == 0xBB
        && (buffer[position + 2] & 0xff) == 0xBF) {
      position += 3;
      offset += 3;
    }
  }

  private int next() throws IOException {
    if (!fill(1)) {
      return EOF;
    }
    offset++;
    return buffer[position++] & 0xff;
  }

  private int peek() throws IOException {
    return fill(1) ? buffer[position] & 0xff : EOF;
  }

  /** Makes at least {@code n} bytes available unless the file ends first. */
  private boolean fill(int n) throws IOException {
    if (limit - position >= n) {
      return true;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < n) {
      int r = in.read(buffer, limit, buffer.length - limit);
      if (r < 0) {
        return false;
      }
      limit += r;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
