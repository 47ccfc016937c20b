package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class S3RangeTest {
  @Test
  void resolvesTheThreeFormsAgainstTheSize() throws S3Failure {
    assertEquals("bytes 10-19/100", S3Range.of("bytes=10-19", 100).contentRange(100));
    assertEquals("bytes 90-99/100", S3Range.of("bytes=90-", 100).contentRange(100));
    assertEquals("bytes 95-99/100", S3Range.of("bytes=-5", 100).contentRange(100));
    assertEquals("bytes 0-99/100", S3Range.of("bytes=-500", 100).contentRange(100));
    assertEquals("bytes 50-99/100", S3Range.of("bytes=50-1000", 100).contentRange(100));
  }

  @Test
  void ignoresWhatIsNotOneValidRange() throws S3Failure {
    assertNull(S3Range.of(null, 100));
    assertNull(S3Range.of("items=1-2", 100));
    assertNull(S3Range.of("bytes=1-2,5-6", 100));
    assertNull(S3Range.of("bytes=9-3", 100));
    assertNull(S3Range.of("bytes=x-3", 100));
  }

  @Test
  void refusesARangeStartingPastTheEnd() {
    S3Failure failure = assertThrows(S3Failure.class, () -> S3Range.of("bytes=100-", 100));

    assertEquals(416, failure.status());
    assertEquals("InvalidRange", failure.code());
    assertEquals(
        "InvalidRange", assertThrows(S3Failure.class, () -> S3Range.of("bytes=0-", 0)).code());
  }
}
