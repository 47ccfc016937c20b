package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameCodecTest {

  static final String[] NASTY_NAMES = {
    "plain/name.txt",
    "with space and trailing space ",
    "tab\there",
    "new\nline",
    "carriage\rreturn",
    "crlf\r\n",
    "percent%20literal%",
    "%%%",
    "back\\slash\\",
    "emoji \uD83D\uDE00/\uD83C\uDDE8\uD83C\uDDF3",
    "中文目录/文件名.txt",
    "\u0000nul\u0001ctrl\u001f\u007fdel\u0085nel\u2028ls\u2029ps\uFEFFbom",
    "",
    "#not-a-comment",
    "ossimport-task 1"
  };

  @Test
  void nastyNamesRoundTripAndEscapeToOneLineWithoutTabs() {
    for (String name : NASTY_NAMES) {
      String escaped = NameCodec.escape(name);
      assertEquals(name, NameCodec.unescape(escaped), () -> "round trip of " + escaped);
      assertNoSeparators(escaped);
    }
  }

  @Test
  void printableTextStaysReadable() {
    assertEquals("中文 \uD83D\uDE00 a\\b", NameCodec.escape("中文 \uD83D\uDE00 a\\b"));
    assertEquals("a%09b%0Ac%0Dd%25e", NameCodec.escape("a\tb\nc\rd%e"));
  }

  @Test
  void bytesThatAreNotUtf8AreEscapedOneByOneAndComeBackExactly() {
    byte[] raw = {'a', (byte) 0xFF, (byte) 0xC3, '/', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'z'};
    String name = RawNames.fromBytes(raw);
    String escaped = NameCodec.escape(name);
    assertEquals("a%FF%C3/%ED%A0%80z", escaped);
    assertArrayEquals(raw, RawNames.toBytes(NameCodec.unescape(escaped)));
  }

  @Test
  void validUtf8BytesDecodeToTheSameTextAsTheJdk() {
    String text = "héllo 中文 \uD83D\uDE00";
    assertEquals(text, RawNames.fromBytes(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void badEscapeIsRefusedWithItsPosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NameCodec.unescape("ab%4"));
    assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NameCodec.unescape("%G0"));
  }

  @Test
  void unpairedSurrogateOutsideTheByteEscapeRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NameCodec.escape("a\uD800b"));
  }

  @Test
  void randomByteNamesRoundTrip() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      byte[] raw = randomBytes(random);
      String escaped = NameCodec.escape(RawNames.fromBytes(raw));
      assertNoSeparators(escaped);
      byte[] back = RawNames.toBytes(NameCodec.unescape(escaped));
      assertArrayEquals(raw, back, "seed " + seed + ", name #" + i);
    }
  }

  @Test
  void randomUnicodeNamesRoundTrip() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      String name = randomUnicode(random);
      String escaped = NameCodec.escape(name);
      assertNoSeparators(escaped);
      assertEquals(name, NameCodec.unescape(escaped), "seed " + seed + ", name #" + i);
    }
  }

  /** Bytes biased towards the interesting ones: separators, '%', '\\', high bytes, UTF-8 leads. */
  static byte[] randomBytes(Random random) {
    byte[] interesting = {
      '\t',
      '\n',
      '\r',
      '%',
      '\\',
      ' ',
      '/',
      0,
      0x7F,
      (byte) 0x80,
      (byte) 0xBF,
      (byte) 0xC0,
      (byte) 0xC3,
      (byte) 0xE2,
      (byte) 0xED,
      (byte) 0xF0,
      (byte) 0xF4,
      (byte) 0xF5,
      (byte) 0xFF
    };
    byte[] raw = new byte[random.nextInt(40)];
    for (int i = 0; i < raw.length; i++) {
      raw[i] =
          random.nextInt(3) == 0
              ? interesting[random.nextInt(interesting.length)]
              : (byte) random.nextInt(256);
    }
    return raw;
  }

  /** Valid Unicode text (no unpaired surrogates) from every plane, controls included. */
  static String randomUnicode(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(30);
    while (b.length() < length) {
      int kind = random.nextInt(5);
      int cp;
      if (kind == 0) {
        cp = random.nextInt(0x80);
      } else if (kind == 1) {
        cp = "\t\n\r%\\ \u2028\uFEFF\u0085".charAt(random.nextInt(9));
      } else if (kind == 2) {
        cp = 0x4E00 + random.nextInt(0x5000);
      } else if (kind == 3) {
        cp = 0x1F300 + random.nextInt(0x300);
      } else {
        cp = random.nextInt(0x110000);
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue;
      }
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  static void assertNoSeparators(String escaped) {
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      assertFalse(c < 0x20 || c == 0x7F, () -> "control character left in " + escaped);
    }
  }
}
