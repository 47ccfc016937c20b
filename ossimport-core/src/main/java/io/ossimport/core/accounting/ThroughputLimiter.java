package io.ossimport.core.accounting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket shared by every worker thread, enforcing {@code workerMaxThroughput(KB/s)}.
 *
 * <p>It schedules instead of counting tokens: each grant moves a "next free" instant forward by the
 * grant's duration at the configured rate, and the caller sleeps until its grant starts. Idle time
 * banks at most {@code burstMillis} of credit, so a pause is not followed by an unbounded burst.
 * The lock is held only to compute the schedule, never while sleeping.
 */
public final class ThroughputLimiter {
  /** A limiter that never waits (a configured limit of 0 means unlimited). */
  public static final ThroughputLimiter UNLIMITED = new ThroughputLimiter(0, 0, Ticker.SYSTEM);

  private static final long DEFAULT_BURST_MILLIS = 100;

  private final double nanosPerByte;
  private final long burstNanos;
  private final Ticker ticker;
  private long nextFreeNanos;
  private final AtomicLong waited = new AtomicLong();

  ThroughputLimiter(long bytesPerSecond, long burstMillis, Ticker ticker) {
    this.nanosPerByte = bytesPerSecond <= 0 ? 0 : 1e9 / bytesPerSecond;
    this.burstNanos = burstMillis * 1_000_000L;
    this.ticker = ticker;
    this.nextFreeNanos = ticker.nanoTime();
  }

  /** A limiter of {@code kilobytesPerSecond} KB/s (1 KB = 1024 bytes); 0 means unlimited. */
  public static ThroughputLimiter ofKilobytesPerSecond(long kilobytesPerSecond) {
    if (kilobytesPerSecond <= 0) {
      return UNLIMITED;
    }
    return new ThroughputLimiter(kilobytesPerSecond * 1024L, DEFAULT_BURST_MILLIS, Ticker.SYSTEM);
  }

  public boolean isUnlimited() {
    return nanosPerByte == 0;
  }

  /** Waits until {@code bytes} may pass. */
  public void acquire(long bytes) throws InterruptedException {
    long wait = reserve(bytes);
    if (wait > 0) {
      waited.addAndGet(wait);
      ticker.sleepNanos(wait);
    }
  }

  /**
   * Nanoseconds readers have been made to wait so far, in all: when it grows, the cap, not the
   * link, bounds the transfer, and more requests in flight would only wait too.
   */
  public long waitedNanos() {
    return waited.get();
  }

  /** Books {@code bytes} and returns how long the caller must wait before sending them. */
  long reserve(long bytes) {
    if (nanosPerByte == 0 || bytes <= 0) {
      return 0;
    }
    long cost = (long) Math.ceil(bytes * nanosPerByte);
    synchronized (this) {
      long now = ticker.nanoTime();
      long start = Math.max(nextFreeNanos, now - burstNanos);
      nextFreeNanos = start + cost;
      return Math.max(0, start - now);
    }
  }
}
