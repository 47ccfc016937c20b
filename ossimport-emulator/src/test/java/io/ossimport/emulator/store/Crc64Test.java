package io.ossimport.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.oss.common.utils.CRC64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our CRC-64 must agree with the SDK's, for every length and for combined parts. */
class Crc64Test {
  @Test
  void matchesTheSdkForAllSmallLengthsAndOffsets() {
    byte[] data = new byte[4099];
    new Random(1).nextBytes(data);
    for (int len = 0; len < 300; len++) {
      Crc64 ours = new Crc64();
      ours.update(data, 3, len);
      CRC64 sdk = new CRC64();
      sdk.update(java.util.Arrays.copyOfRange(data, 3, 3 + len), len);
      assertEquals(sdk.getValue(), ours.getValue(), "length " + len);
    }
  }

  @Test
  void knownCheckValue() {
    // CRC-64/XZ check value of "123456789"
    assertEquals(0x995DC9BBDF1939FAL, Crc64.of("123456789".getBytes()));
  }

  @Test
  void combineEqualsTheCrcOfTheConcatenation() {
    Random r = new Random(2);
    for (int i = 0; i < 20; i++) {
      byte[] a = new byte[r.nextInt(5000)];
      byte[] b = new byte[r.nextInt(5000)];
      r.nextBytes(a);
      r.nextBytes(b);
      byte[] ab = new byte[a.length + b.length];
      System.arraycopy(a, 0, ab, 0, a.length);
      System.arraycopy(b, 0, ab, a.length, b.length);
      assertEquals(Crc64.of(ab), Crc64.combine(Crc64.of(a), Crc64.of(b), b.length));
      assertEquals(
          CRC64.combine(Crc64.of(a), Crc64.of(b), b.length),
          Crc64.combine(Crc64.of(a), Crc64.of(b), b.length));
    }
  }

  @Test
  void utf8OrderSortsSupplementaryCharactersAfterTheBmp() {
    assertEquals(true, Utf8Order.INSTANCE.compare("\uffee", "\ud83d\ude00") < 0);
    assertEquals(true, "\uffee".compareTo("\ud83d\ude00") > 0); // UTF-16 order differs
    assertEquals(true, Utf8Order.INSTANCE.compare("a", "ab") < 0);
  }
}
