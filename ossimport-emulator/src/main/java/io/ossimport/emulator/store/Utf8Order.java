package io.ossimport.emulator.store;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders strings as their UTF-8 bytes compare unsigned, which is how OSS and S3 sort keys.
 * Comparing code points gives exactly that order without encoding (UTF-16 {@code compareTo} differs
 * for characters above U+FFFF versus U+E000..U+FFFF).
 */
public final class Utf8Order implements Comparator<String>, Serializable {
  private static final long serialVersionUID = 1L;

  /** The shared instance. */
  public static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }
}
