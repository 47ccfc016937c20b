package io.ossimport.core.source.azure;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of blob names and query values as RFC 3986 wants it (UTF-8). */
final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** A blob or container name in a URL path: {@code /} stays, as Azure's virtual directories. */
  static String path(String name) {
    return encode(name, true);
  }

  /** A query parameter value: everything but the unreserved characters is encoded. */
  static String component(String value) {
    return encode(value, false);
  }

  private static String encode(String s, boolean keepSlash) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || (keepSlash && c == '/')) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }
}
