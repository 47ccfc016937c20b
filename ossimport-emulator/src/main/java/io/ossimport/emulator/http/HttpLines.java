package io.ossimport.emulator.http;

import java.io.IOException;
import java.io.InputStream;

/** Reads CRLF-terminated ISO-8859-1 lines (request line, headers, chunk sizes). */
final class HttpLines {
  static final int MAX_LINE = 64 * 1024;

  private HttpLines() {}

  /** A line without its terminator; {@code null} at end of stream before any byte. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE) {
        throw new IOException("header line too long");
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
