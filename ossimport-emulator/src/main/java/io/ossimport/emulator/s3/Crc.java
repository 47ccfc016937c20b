package io.ossimport.emulator.s3;

/**
 * Table-driven reflected CRCs that Java 8 lacks: CRC-32C (Castagnoli, {@code java.util.zip.CRC32C}
 * is Java 9+) and CRC-64/NVME, the two S3 checksums beyond CRC-32.
 */
enum Crc {
  CRC32C(0x82F63B78L, 32),
  CRC64NVME(0x9A6C9329AC4BC9B5L, 64);

  private final long[] table = new long[256];
  private final int width;
  private final long mask;

  Crc(long reflectedPolynomial, int width) {
    this.width = width;
    this.mask = width == 64 ? -1L : (1L << width) - 1;
    for (int i = 0; i < 256; i++) {
      long crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ reflectedPolynomial : crc >>> 1;
      }
      table[i] = crc;
    }
  }

  long initial() {
    return mask;
  }

  long update(long state, byte[] bytes, int offset, int length) {
    long crc = state;
    for (int i = offset; i < offset + length; i++) {
      crc = table[(int) ((crc ^ bytes[i]) & 0xff)] ^ (crc >>> 8);
    }
    return crc;
  }

  /** The checksum bytes, big-endian, after the final inversion. */
  byte[] finish(long state) {
    return bigEndian((state ^ mask) & mask, width / 8);
  }

  static byte[] bigEndian(long value, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[bytes - 1 - i] = (byte) (value >>> (8 * i));
    }
    return out;
  }
}
