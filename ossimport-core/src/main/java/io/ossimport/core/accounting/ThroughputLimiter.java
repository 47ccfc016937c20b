package io.ossimport.core.accounting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket shared by every worker thread, enforcing {@code workerMaxThroughput(KB/s)}.
 *
 * <p>It schedules instead of counting tokens: each grant moves a "next free" instant forward by the
 * grant's duration at the configured rate, and the caller sleeps until its grant starts. Idle time
 * banks at most {@code burstMillis} of credit, so a pause is not followed by an unbounded burst.
 * The lock is held only to compute the schedule, never while sleeping.
 *
 * <p>An {@link #adjustable} limiter's rate can change while the service runs (sys.properties
 * re-read, a timetable): the schedule starts again from now at the new rate, and a caller already
 * waiting notices within {@value #SLEEP_SLICE_MILLIS} ms and books what it still owes at the new
 * rate, so lifting a cap of 1 KB/s does not leave threads asleep for minutes.
 */
public final class ThroughputLimiter {
  /** A limiter that never waits (a configured limit of 0 means unlimited). */
  public static final ThroughputLimiter UNLIMITED =
      new ThroughputLimiter(0, 0, Ticker.SYSTEM, false);

  /** The longest single sleep of a waiting caller, so that a rate change reaches it soon. */
  static final long SLEEP_SLICE_MILLIS = 100;

  private static final long DEFAULT_BURST_MILLIS = 100;

  private final boolean adjustable;
  private final long burstNanos;
  private final Ticker ticker;
  private volatile double nanosPerByte;
  private volatile long generation;
  private long nextFreeNanos;
  private final AtomicLong waited = new AtomicLong();

  ThroughputLimiter(long bytesPerSecond, long burstMillis, Ticker ticker) {
    this(bytesPerSecond, burstMillis, ticker, false);
  }

  ThroughputLimiter(long bytesPerSecond, long burstMillis, Ticker ticker, boolean adjustable) {
    this.nanosPerByte = nanosPerByte(bytesPerSecond);
    this.burstNanos = burstMillis * 1_000_000L;
    this.ticker = ticker;
    this.adjustable = adjustable;
    this.nextFreeNanos = ticker.nanoTime();
  }

  private static double nanosPerByte(long bytesPerSecond) {
    return bytesPerSecond <= 0 ? 0 : 1e9 / bytesPerSecond;
  }

  /** A limiter of {@code kilobytesPerSecond} KB/s (1 KB = 1024 bytes); 0 means unlimited. */
  public static ThroughputLimiter ofKilobytesPerSecond(long kilobytesPerSecond) {
    if (kilobytesPerSecond <= 0) {
      return UNLIMITED;
    }
    return new ThroughputLimiter(kilobytesPerSecond * 1024L, DEFAULT_BURST_MILLIS, Ticker.SYSTEM);
  }

  /**
   * A limiter of {@code kilobytesPerSecond} KB/s (0 = unlimited for now) whose rate {@link
   * #setKilobytesPerSecond} changes later.
   */
  public static ThroughputLimiter adjustable(long kilobytesPerSecond) {
    return new ThroughputLimiter(
        Math.max(0, kilobytesPerSecond) * 1024L, DEFAULT_BURST_MILLIS, Ticker.SYSTEM, true);
  }

  /** Unlimited now. An {@link #isAdjustable} one may not stay so: readers go through it anyway. */
  public boolean isUnlimited() {
    return nanosPerByte == 0;
  }

  /** Whether the rate may change while it is used. */
  public boolean isAdjustable() {
    return adjustable;
  }

  /** Whether a reader must pay through this limiter: it limits now, or it may later. */
  public boolean mayLimit() {
    return adjustable || nanosPerByte != 0;
  }

  /** The rate in KB/s (rounded), 0 = unlimited. */
  public long kilobytesPerSecond() {
    double perByte = nanosPerByte;
    return perByte == 0 ? 0 : Math.round(1e9 / perByte / 1024);
  }

  /**
   * Changes the rate of an {@link #adjustable} limiter to {@code kilobytesPerSecond} KB/s (0 =
   * unlimited); the schedule starts again from now.
   */
  public void setKilobytesPerSecond(long kilobytesPerSecond) {
    setBytesPerSecond(Math.max(0, kilobytesPerSecond) * 1024L);
  }

  void setBytesPerSecond(long bytesPerSecond) {
    if (!adjustable) {
      throw new IllegalStateException("this throughput limiter has a fixed rate");
    }
    synchronized (this) {
      nanosPerByte = nanosPerByte(bytesPerSecond);
      nextFreeNanos = ticker.nanoTime();
      generation++;
    }
  }

  /**
   * Waits until {@code bytes} may pass. The wait is slept in slices; when the rate changes in
   * between, what the old rate still owed is booked again at the new one.
   */
  public void acquire(long bytes) throws InterruptedException {
    if (nanosPerByte == 0) {
      return; // unlimited now: one volatile read per chunk, nothing else
    }
    long owed = bytes;
    while (true) {
      long booked = generation;
      long wait = reserve(owed);
      if (wait <= 0) {
        return;
      }
      long total = wait;
      long sliceNanos = SLEEP_SLICE_MILLIS * 1_000_000L;
      while (wait > 0 && (!adjustable || booked == generation)) {
        long slice = adjustable ? Math.min(wait, sliceNanos) : wait;
        waited.addAndGet(slice);
        ticker.sleepNanos(slice);
        wait -= slice;
      }
      if (wait <= 0) {
        return;
      }
      owed = (long) Math.ceil(owed * ((double) wait / total));
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
    synchronized (this) {
      long cost = (long) Math.ceil(bytes * nanosPerByte);
      long now = ticker.nanoTime();
      long start = Math.max(nextFreeNanos, now - burstNanos);
      nextFreeNanos = start + cost;
      return Math.max(0, start - now);
    }
  }
}
