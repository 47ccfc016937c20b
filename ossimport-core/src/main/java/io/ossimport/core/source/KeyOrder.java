package io.ossimport.core.source;

import java.util.Comparator;

/**
 * The order in which OSS, S3 and Azure list keys: by UTF-8 bytes, which is code point order ({@link
 * String#compareTo} is UTF-16's, which differs above U+FFFF).
 */
public final class KeyOrder {
  /** Keys in UTF-8 byte order. */
  public static final Comparator<String> UTF8 = KeyOrder::compare;

  private KeyOrder() {}

  /** Compares two keys in {@link #UTF8} order. */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return ca < cb ? -1 : 1;
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
