package io.ossimport.core.jobtree;

import java.io.ByteArrayOutputStream;

/**
 * Lossless conversion between a file name's raw bytes and a Java string.
 *
 * <p>Valid UTF-8 decodes as usual. Each byte that is not part of a valid UTF-8 sequence becomes the
 * lone surrogate {@code U+DC00 + byte} (U+DC80..U+DCFF, the "surrogateescape" scheme of PEP 383),
 * and {@link #toBytes} turns it back into that byte. So a Linux file name that is not valid UTF-8
 * survives the trip through a string, and {@link NameCodec} writes it as {@code %XX} escapes. A
 * string holding any other unpaired surrogate cannot be encoded and is refused.
 */
public final class RawNames {
  private RawNames() {}

  /** Decodes raw name bytes; never fails. */
  public static String fromBytes(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int length = validSequenceLength(bytes, i);
      if (length == 0) {
        out.append((char) (0xDC00 | (bytes[i] & 0xFF)));
        i++;
      } else {
        out.appendCodePoint(decode(bytes, i, length));
        i += length;
      }
    }
    return out.toString();
  }

  /**
   * Encodes a string made by {@link #fromBytes} (or any string without unpaired surrogates) back to
   * bytes.
   *
   * @throws IllegalArgumentException if the string holds an unpaired surrogate outside
   *     U+DC80..U+DCFF
   */
  public static byte[] toBytes(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        writeUtf8(out, Character.toCodePoint(c, name.charAt(i + 1)));
        i++;
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c & 0xFF);
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "unpaired UTF-16 surrogate U+"
                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                + " at index "
                + i
                + " cannot be stored");
      } else {
        writeUtf8(out, c);
      }
    }
    return out.toByteArray();
  }

  /** Length of the strictly valid UTF-8 sequence starting at {@code i}, or 0 if there is none. */
  static int validSequenceLength(byte[] b, int i) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      return continuation(b, i + 1, 0x80, 0xBF) ? 2 : 0;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      int low = b0 == 0xE0 ? 0xA0 : 0x80;
      int high = b0 == 0xED ? 0x9F : 0xBF; // no encoded surrogates
      return continuation(b, i + 1, low, high) && continuation(b, i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      int low = b0 == 0xF0 ? 0x90 : 0x80;
      int high = b0 == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
      return continuation(b, i + 1, low, high)
              && continuation(b, i + 2, 0x80, 0xBF)
              && continuation(b, i + 3, 0x80, 0xBF)
          ? 4
          : 0;
    }
    return 0;
  }

  private static boolean continuation(byte[] b, int i, int low, int high) {
    if (i >= b.length) {
      return false;
    }
    int v = b[i] & 0xFF;
    return v >= low && v <= high;
  }

  static int decode(byte[] b, int i, int length) {
    switch (length) {
      case 1:
        return b[i];
      case 2:
        return ((b[i] & 0x1F) << 6) | (b[i + 1] & 0x3F);
      case 3:
        return ((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
      default:
        return ((b[i] & 0x07) << 18)
            | ((b[i + 1] & 0x3F) << 12)
            | ((b[i + 2] & 0x3F) << 6)
            | (b[i + 3] & 0x3F);
    }
  }

  static void writeUtf8(ByteArrayOutputStream out, int codePoint) {
    if (codePoint < 0x80) {
      out.write(codePoint);
    } else if (codePoint < 0x800) {
      out.write(0xC0 | (codePoint >> 6));
      out.write(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      out.write(0xE0 | (codePoint >> 12));
      out.write(0x80 | ((codePoint >> 6) & 0x3F));
      out.write(0x80 | (codePoint & 0x3F));
    } else {
      out.write(0xF0 | (codePoint >> 18));
      out.write(0x80 | ((codePoint >> 12) & 0x3F));
      out.write(0x80 | ((codePoint >> 6) & 0x3F));
      out.write(0x80 | (codePoint & 0x3F));
    }
  }
}
