package io.ossimport.emulator.store;

/** Hexadecimal encoding helpers shared by the store and the dialects. */
public final class Hex {
  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  /** Lower-case hex. */
  public static String encode(byte[] b) {
    return encode(b, LOWER);
  }

  /** Upper-case hex (OSS ETags). */
  public static String encodeUpper(byte[] b) {
    return encode(b, UPPER);
  }

  private static String encode(byte[] b, char[] digits) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = digits[(b[i] >> 4) & 0xf];
      out[2 * i + 1] = digits[b[i] & 0xf];
    }
    return new String(out);
  }

  /** Decodes hex of either case; throws IllegalArgumentException on bad input. */
  public static byte[] decode(String s) {
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("odd hex length");
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not hex: " + s);
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
