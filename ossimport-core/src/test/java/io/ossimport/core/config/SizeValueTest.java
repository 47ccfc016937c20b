package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizeValueTest {

  @Test
  void plainNumbersAreBytes() {
    assertEquals(1_000_000_000L, SizeValue.parse("1000000000").bytes());
    assertEquals(0L, SizeValue.parse("0").bytes());
  }

  @Test
  void suffixesArePowersOf1024InAnyCase() {
    assertEquals(500L * 1024, SizeValue.parse("500k").bytes());
    assertEquals(500L * 1024, SizeValue.parse("500K").bytes());
    assertEquals(50L * 1024 * 1024, SizeValue.parse("50m").bytes());
    assertEquals(50L * 1024 * 1024, SizeValue.parse("50M").bytes());
    assertEquals(5L * 1024 * 1024 * 1024, SizeValue.parse("5g").bytes());
    assertEquals(5L * 1024 * 1024 * 1024, SizeValue.parse("5G").bytes());
  }

  @Test
  void aTrailingBAfterTheUnitIsTolerated() {
    assertEquals(SizeValue.parse("50m"), SizeValue.parse("50MB"));
    assertEquals(SizeValue.parse("2g"), SizeValue.parse("2gb"));
  }

  @Test
  void fractionsNegativesAndWordsAreRefused() {
    for (String bad : new String[] {"1.5g", "-1", "50 mega", "m", "", "5t", "0x10"}) {
      assertThrows(IllegalArgumentException.class, () -> SizeValue.parse(bad), bad);
    }
  }

  @Test
  void sizesBeyondALongAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SizeValue.parse("9999999999g"));
    assertThrows(IllegalArgumentException.class, () -> SizeValue.parse("99999999999999999999"));
  }

  @Test
  void theCanonicalSpellingUsesTheLargestExactUnit() {
    assertEquals("150m", SizeValue.ofBytes(157_286_400L).toString());
    assertEquals("5g", SizeValue.ofBytes(5L << 30).toString());
    assertEquals("100k", SizeValue.ofBytes(102_400L).toString());
    assertEquals("1000000000", SizeValue.ofBytes(1_000_000_000L).toString());
    assertEquals("0", SizeValue.ofBytes(0).toString());
  }

  @Test
  void theCanonicalSpellingParsesBackToTheSameSize() {
    for (String text : new String[] {"1536m", "1000000000", "1k", "3g", "7"}) {
      SizeValue size = SizeValue.parse(text);
      assertEquals(size, SizeValue.parse(size.toString()), text);
    }
  }
}
