package io.ossimport.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void waitsGrowExponentiallyUpToTheCapAndStayWithinTheirCeiling() {
    Backoff backoff = new Backoff(100, 1_000, 10, new Random(42));
    long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
    for (int attempt = 1; attempt <= ceilings.length; attempt++) {
      long max = 0;
      for (int i = 0; i < 2_000; i++) {
        long d = backoff.delayMillis(attempt);
        assertTrue(d >= 0 && d < ceilings[attempt - 1], "attempt " + attempt + " waited " + d);
        max = Math.max(max, d);
      }
      // Full jitter: over many draws the waits reach close to the ceiling.
      assertTrue(max > ceilings[attempt - 1] * 9 / 10, "attempt " + attempt + " max " + max);
    }
  }

  @Test
  void theBudgetCountsTheFirstAttempt() {
    Backoff backoff = new Backoff(1, 1, 3, new Random(1));
    assertTrue(backoff.allowsAnotherAttempt(1));
    assertTrue(backoff.allowsAnotherAttempt(2));
    assertFalse(backoff.allowsAnotherAttempt(3));
    assertEquals(3, backoff.maxAttempts());
  }

  @Test
  void aZeroBaseNeverWaits() {
    Backoff backoff = new Backoff(0, 0, 5, new Random(7));
    for (int attempt = 1; attempt < 40; attempt++) {
      assertEquals(0, backoff.delayMillis(attempt));
    }
  }

  @Test
  void nonsenseSettingsAreRefusedWithTheValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5, 1, new Random()));
    assertTrue(e.getMessage().contains("base=10 cap=5"), e.getMessage());
  }
}
