package io.ossimport.core.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code key=value} lines of {@code local_job.cfg} and {@code sys.properties}.
 *
 * <p>Deliberately not {@link java.util.Properties}: that format treats {@code :} and blanks as
 * separators and {@code \} as an escape and line continuation, which breaks Windows paths such as
 * {@code srcPrefix=C:\data\}. The original files only ever use {@code key=value}, so:
 *
 * <ul>
 *   <li>the file is UTF-8 (a byte-order mark is skipped); a line that is not valid UTF-8 is a
 *       problem unless it is a comment, so old files with GBK comments still load;
 *   <li>lines end at LF, CRLF or CR; blank lines and lines whose first non-blank character is
 *       {@code #} are comments ({@code #} later in a line is part of the value);
 *   <li>the key is everything before the first {@code =}, the value everything after it, both
 *       trimmed of surrounding blanks (the shipped samples have trailing spaces);
 *   <li>backslashes are literal, there are no escapes and no continuation lines;
 *   <li>a non-comment line without {@code =} is a problem.
 * </ul>
 */
final class ConfigFileParser {
  private ConfigFileParser() {}

  /**
   * Parses a file's bytes.
   *
   * @param label the file name to show in problems, as the user gave it
   * @param inputOrder the position of this input among all inputs of the load
   */
  static List<RawEntry> parse(byte[] bytes, String label, int inputOrder, Findings findings) {
    List<RawEntry> entries = new ArrayList<RawEntry>();
    int start = startsWithByteOrderMark(bytes) ? 3 : 0;
    int lineNumber = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = start; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      byte b = end ? 0 : bytes[i];
      if (end || b == '\n' || b == '\r') {
        if (end && line.size() == 0 && i > start && isLineBreak(bytes[i - 1])) {
          break;
        }
        lineNumber++;
        parseLine(line.toByteArray(), new Origin(label, lineNumber, inputOrder), entries, findings);
        line.reset();
        if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
          i++;
        }
      } else {
        line.write(b);
      }
    }
    return entries;
  }

  private static boolean isLineBreak(byte b) {
    return b == '\n' || b == '\r';
  }

  private static boolean startsWithByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  private static void parseLine(
      byte[] bytes, Origin origin, List<RawEntry> entries, Findings findings) {
    String text = decodeUtf8(bytes, 0, bytes.length);
    if (text == null) {
      reportUndecodable(bytes, origin, findings);
      return;
    }
    String trimmed = trim(text);
    if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
      return;
    }
    int equals = trimmed.indexOf('=');
    if (equals < 0) {
      // The line's text is not shown: it could be a secret wrapped onto its own line.
      findings.problem(
          origin,
          "",
          null,
          "this line has no '=' (keys and values are written key=value)",
          "write it as <key>=<value>, or start it with '#' to make it a comment");
      return;
    }
    String key = trim(trimmed.substring(0, equals));
    String value = trim(trimmed.substring(equals + 1));
    if (key.isEmpty()) {
      findings.problem(
          origin, "", null, "this line has no key before '='", "write it as <key>=<value>");
      return;
    }
    entries.add(new RawEntry(key, value, origin));
  }

  /** A line that is not UTF-8: harmless in a comment, a problem in a key=value line. */
  private static void reportUndecodable(byte[] bytes, Origin origin, Findings findings) {
    int first = 0;
    while (first < bytes.length && (bytes[first] == ' ' || bytes[first] == '\t')) {
      first++;
    }
    if (first < bytes.length && bytes[first] == '#') {
      return;
    }
    int equals = indexOf(bytes, (byte) '=');
    String key = equals < 0 ? null : decodeUtf8(bytes, 0, equals);
    findings.problem(
        origin,
        key == null ? "" : trim(key),
        null,
        "this line is not valid UTF-8 text",
        "save the file in UTF-8 (not GBK or another local encoding)");
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Strict UTF-8 decoding: {@code null} instead of replacement characters. */
  private static String decodeUtf8(byte[] bytes, int from, int to) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Trims blanks at both ends: ASCII and Unicode white space (a full-width space typed with a
   * Chinese input method included), no-break spaces and stray byte-order marks.
   */
  static String trim(String s) {
    int begin = 0;
    int end = s.length();
    while (begin < end && isBlank(s.charAt(begin))) {
      begin++;
    }
    while (end > begin && isBlank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(begin, end);
  }

  static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
