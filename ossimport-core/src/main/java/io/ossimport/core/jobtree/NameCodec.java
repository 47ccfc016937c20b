package io.ossimport.core.jobtree;

import java.io.ByteArrayOutputStream;

/**
 * The escaping every job-tree text format uses for names, keys and other free text, so one line
 * holds one record whatever the name contains.
 *
 * <p>The field is the name's bytes ({@link RawNames#toBytes}) with these percent-encoded as {@code
 * %XX} (upper-case hex, one escape per byte): {@code %} itself, C0 controls (TAB, LF, CR ...), DEL,
 * C1 controls, U+2028, U+2029, U+FEFF, and every byte that is not part of valid UTF-8. Everything
 * else, including spaces, backslashes and any printable non-ASCII character, is kept as UTF-8 so a
 * human can read the file. {@link #unescape} is the exact inverse: names of any bytes round-trip.
 */
public final class NameCodec {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private NameCodec() {}

  /** Escapes {@code name}; the result holds no control character, TAB or line break. */
  public static String escape(String name) {
    if (isPlain(name)) {
      return name;
    }
    byte[] bytes = RawNames.toBytes(name);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    int i = 0;
    while (i < bytes.length) {
      int length = RawNames.validSequenceLength(bytes, i);
      int codePoint = length == 0 ? -1 : RawNames.decode(bytes, i, length);
      if (length == 0 || mustEscape(codePoint)) {
        int n = Math.max(length, 1);
        for (int k = 0; k < n; k++) {
          appendEscape(out, bytes[i + k]);
        }
        i += n;
      } else {
        out.appendCodePoint(codePoint);
        i += length;
      }
    }
    return out.toString();
  }

  /**
   * Reverses {@link #escape}.
   *
   * @throws IllegalArgumentException if a {@code %} is not followed by two hex digits
   */
  public static String unescape(String field) {
    if (field.indexOf('%') < 0) {
      return field;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
    for (int i = 0; i < field.length(); ) {
      char c = field.charAt(i);
      if (c == '%') {
        int high = i + 2 < field.length() ? Character.digit(field.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(field.charAt(i + 2), 16) : -1;
        if (low < 0) {
          throw new IllegalArgumentException(
              "'%' at index " + i + " is not followed by two hex digits");
        }
        bytes.write((high << 4) | low);
        i += 3;
      } else {
        int codePoint = field.codePointAt(i);
        RawNames.writeUtf8(bytes, codePoint);
        i += Character.charCount(codePoint);
      }
    }
    return RawNames.fromBytes(bytes.toByteArray());
  }

  /** Fast path: plain printable text with nothing to escape. */
  private static boolean isPlain(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '%') {
        return false;
      }
    }
    return true;
  }

  private static boolean mustEscape(int codePoint) {
    return codePoint < 0x20
        || codePoint == '%'
        || (codePoint >= 0x7F && codePoint <= 0x9F)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || codePoint == 0xFEFF;
  }

  private static void appendEscape(StringBuilder out, byte b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
