package io.ossimport.core.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThroughputLimiterTest {

  /** A clock that only moves when the limiter sleeps, so waits are exact and tests instant. */
  static class FakeTicker implements Ticker {
    long now = 1_000_000_000L;
    long slept;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      now += nanos;
      slept += nanos;
    }
  }

  @Test
  void zeroMeansUnlimited() {
    assertSame(ThroughputLimiter.UNLIMITED, ThroughputLimiter.ofKilobytesPerSecond(0));
    assertTrue(ThroughputLimiter.UNLIMITED.isUnlimited());
    assertEquals(0, ThroughputLimiter.UNLIMITED.reserve(Long.MAX_VALUE / 2));
  }

  @Test
  void sendingTakesAsLongAsTheRateRequires() throws Exception {
    FakeTicker clock = new FakeTicker();
    ThroughputLimiter limiter = new ThroughputLimiter(1000, 0, clock);

    for (int i = 0; i < 10; i++) {
      limiter.acquire(500);
    }

    // 5,000 bytes at 1,000 B/s: the first grant starts at once, the rest wait 4.5 s in all.
    assertEquals(4_500_000_000L, clock.slept);
  }

  @Test
  void idleTimeBanksAtMostTheBurst() throws Exception {
    FakeTicker clock = new FakeTicker();
    ThroughputLimiter limiter = new ThroughputLimiter(1000, 100, clock);

    clock.now += 60_000_000_000L; // a minute idle
    limiter.acquire(100); // starts at once, paid by the banked 100 ms
    limiter.acquire(100); // starts at once: its 100 ms are "now"
    limiter.acquire(100); // the bank is spent: waits for the one before

    assertEquals(100_000_000L, clock.slept);
  }

  @Test
  void concurrentCallersShareOneBudget() {
    FakeTicker clock = new FakeTicker();
    ThroughputLimiter limiter = new ThroughputLimiter(1000, 0, clock);

    // Two threads reserving at the same instant queue behind each other.
    long first = limiter.reserve(1000);
    long second = limiter.reserve(1000);

    assertEquals(0, first);
    assertEquals(1_000_000_000L, second);
  }

  @Test
  void throttledStreamPaysForEveryByteAndKeepsTheContent() throws IOException {
    FakeTicker clock = new FakeTicker();
    ThroughputLimiter limiter = new ThroughputLimiter(1024, 0, clock);
    byte[] data = new byte[4096];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }

    byte[] read = new byte[data.length];
    try (InputStream in = new ThrottledInputStream(new ByteArrayInputStream(data), limiter)) {
      int off = 0;
      int n;
      while ((n = in.read(read, off, Math.min(1000, read.length - off))) > 0) {
        off += n;
      }
      assertEquals(data.length, off);
    }

    assertEquals(java.util.Arrays.toString(data), java.util.Arrays.toString(read));
    // Reads of 1000, 1000, 1000, 1000, 96 bytes at 1,024 B/s: the last one starts after the
    // first 4,000 bytes have had their time.
    assertEquals(4000L * 1_000_000_000L / 1024, clock.slept);
  }

  @Test
  void liftingTheCapWakesACallerThatWasBookedForMinutes() throws Exception {
    AtomicReference<ThroughputLimiter> limiterRef = new AtomicReference<>();
    FakeTicker clock =
        new FakeTicker() {
          @Override
          public void sleepNanos(long nanos) {
            super.sleepNanos(nanos);
            if (slept >= 300_000_000L) {
              limiterRef.get().setKilobytesPerSecond(0); // the operator lifts the cap meanwhile
            }
          }
        };
    ThroughputLimiter limiter = new ThroughputLimiter(1000, 0, clock, true);
    limiterRef.set(limiter);
    limiter.acquire(100_000); // starts at once; the next grant starts 100 s later

    limiter.acquire(100_000); // would sleep 100 s at 1,000 B/s

    assertTrue(limiter.isUnlimited());
    assertEquals(300_000_000L, clock.slept, "woke within one slice of the change");
  }

  @Test
  void aNewRateHoldsFromNowAndIsReportedInKilobytes() throws Exception {
    FakeTicker clock = new FakeTicker();
    ThroughputLimiter limiter = new ThroughputLimiter(0, 0, clock, true);
    assertTrue(limiter.isUnlimited());
    assertTrue(limiter.mayLimit(), "an adjustable limiter is paid through even while unlimited");
    limiter.acquire(1_000_000);
    assertEquals(0, clock.slept);

    limiter.setKilobytesPerSecond(1);
    assertEquals(1, limiter.kilobytesPerSecond());
    limiter.acquire(1024);
    limiter.acquire(1024); // waits for the first: 1 s at 1 KB/s

    assertEquals(1_000_000_000L, clock.slept);
  }

  @Test
  void aFixedRateLimiterRefusesAChange() {
    ThroughputLimiter fixed = new ThroughputLimiter(1000, 0, new FakeTicker());
    assertFalse(fixed.isAdjustable());
    assertThrows(IllegalStateException.class, () -> fixed.setKilobytesPerSecond(5));
    assertFalse(ThroughputLimiter.UNLIMITED.mayLimit());
  }
}
