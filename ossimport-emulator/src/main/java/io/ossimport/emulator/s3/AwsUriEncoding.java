package io.ossimport.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as AWS Signature V4 canonicalises it: every byte but {@code A-Z a-z 0-9 - _ . ~}
 * is encoded as upper-case {@code %XX}, spaces as {@code %20}; and the matching decoding.
 */
final class AwsUriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private AwsUriEncoding() {}

  /** Encodes {@code value}, leaving {@code /} alone when {@code keepSlash} (object key paths). */
  static String encode(String value, boolean keepSlash) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes (UTF-8); {@code plusIsSpace} for query strings, where form encoders
   * (Go's {@code url.Values}, for one) write a space as {@code +}.
   *
   * @throws IllegalArgumentException on a malformed escape
   */
  static String decode(String value, boolean plusIsSpace) {
    if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("truncated percent-escape in " + value);
        }
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent-escape in " + value);
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
          utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(utf8, 0, utf8.length);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
