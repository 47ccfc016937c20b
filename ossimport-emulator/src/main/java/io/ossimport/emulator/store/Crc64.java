package io.ossimport.emulator.store;

/**
 * CRC-64/ECMA-182 in its reflected form (polynomial 0xC96C5795D7870F42, initial and final value all
 * ones), the checksum OSS returns in {@code x-oss-hash-crc64ecma}. Slice-by-8 for speed, and {@link
 * #combine} (zlib's GF(2) method) to derive a multipart object's CRC from its parts.
 */
public final class Crc64 {
  private static final long POLY = 0xC96C5795D7870F42L;
  private static final long[][] TABLE = new long[8][256];

  static {
    for (int n = 0; n < 256; n++) {
      long crc = n;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
      }
      TABLE[0][n] = crc;
    }
    for (int n = 0; n < 256; n++) {
      long crc = TABLE[0][n];
      for (int k = 1; k < 8; k++) {
        crc = TABLE[0][(int) (crc & 0xff)] ^ (crc >>> 8);
        TABLE[k][n] = crc;
      }
    }
  }

  private long value;

  /** Feeds bytes into the running checksum. */
  public void update(byte[] b, int off, int len) {
    long crc = ~value;
    while (len >= 8) {
      crc ^=
          (b[off] & 0xffL)
              | (b[off + 1] & 0xffL) << 8
              | (b[off + 2] & 0xffL) << 16
              | (b[off + 3] & 0xffL) << 24
              | (b[off + 4] & 0xffL) << 32
              | (b[off + 5] & 0xffL) << 40
              | (b[off + 6] & 0xffL) << 48
              | (b[off + 7] & 0xffL) << 56;
      crc =
          TABLE[7][(int) (crc & 0xff)]
              ^ TABLE[6][(int) ((crc >>> 8) & 0xff)]
              ^ TABLE[5][(int) ((crc >>> 16) & 0xff)]
              ^ TABLE[4][(int) ((crc >>> 24) & 0xff)]
              ^ TABLE[3][(int) ((crc >>> 32) & 0xff)]
              ^ TABLE[2][(int) ((crc >>> 40) & 0xff)]
              ^ TABLE[1][(int) ((crc >>> 48) & 0xff)]
              ^ TABLE[0][(int) (crc >>> 56)];
      off += 8;
      len -= 8;
    }
    while (len-- > 0) {
      crc = TABLE[0][(int) ((crc ^ b[off++]) & 0xff)] ^ (crc >>> 8);
    }
    value = ~crc;
  }

  /** Restarts from a known checksum value (used after assembling parts). */
  void reset(long v) {
    value = v;
  }

  /** The checksum of the bytes fed so far. */
  public long getValue() {
    return value;
  }

  /** The checksum of a whole array. */
  public static long of(byte[] b) {
    Crc64 c = new Crc64();
    c.update(b, 0, b.length);
    return c.getValue();
  }

  /** Renders a checksum as OSS does: unsigned decimal. */
  public static String toUnsignedString(long crc) {
    return Long.toUnsignedString(crc);
  }

  /**
   * The checksum of A followed by B, given crc(A), crc(B) and the length of B (zlib's crc32_combine
   * adapted to 64 bits).
   */
  public static long combine(long crc1, long crc2, long len2) {
    if (len2 <= 0) {
      return crc1;
    }
    long[] even = new long[64];
    long[] odd = new long[64];
    odd[0] = POLY;
    long row = 1;
    for (int n = 1; n < 64; n++) {
      odd[n] = row;
      row <<= 1;
    }
    gf2MatrixSquare(even, odd);
    gf2MatrixSquare(odd, even);
    do {
      gf2MatrixSquare(even, odd);
      if ((len2 & 1) != 0) {
        crc1 = gf2MatrixTimes(even, crc1);
      }
      len2 >>>= 1;
      if (len2 == 0) {
        break;
      }
      gf2MatrixSquare(odd, even);
      if ((len2 & 1) != 0) {
        crc1 = gf2MatrixTimes(odd, crc1);
      }
      len2 >>>= 1;
    } while (len2 != 0);
    return crc1 ^ crc2;
  }

  private static long gf2MatrixTimes(long[] mat, long vec) {
    long sum = 0;
    int i = 0;
    while (vec != 0) {
      if ((vec & 1) != 0) {
        sum ^= mat[i];
      }
      vec >>>= 1;
      i++;
    }
    return sum;
  }

  private static void gf2MatrixSquare(long[] square, long[] mat) {
    for (int n = 0; n < 64; n++) {
      square[n] = gf2MatrixTimes(mat, mat[n]);
    }
  }
}
