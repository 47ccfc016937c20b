package io.ossimport.emulator.http;

import java.math.BigInteger;

/** Which response headers carry content checksums, and how the wrong-CRC fault spoils them. */
final class Checksums {
  private Checksums() {}

  static boolean isChecksumHeader(String name) {
    return name.equalsIgnoreCase("x-oss-hash-crc64ecma")
        || name.equalsIgnoreCase("x-amz-checksum-crc64nvme")
        || name.equalsIgnoreCase("x-amz-checksum-crc32")
        || name.equalsIgnoreCase("x-amz-checksum-crc32c");
  }

  static String corrupt(String value) {
    try {
      return new BigInteger(value).add(BigInteger.ONE).toString();
    } catch (NumberFormatException e) {
      return value.isEmpty() ? "0" : (value.charAt(0) == 'A' ? 'B' : 'A') + value.substring(1);
    }
  }
}
