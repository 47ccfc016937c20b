package io.ossimport.core.api;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The rate of a transfer over a moving window: bytes moved between the oldest sample of the last
 * {@link #DEFAULT_WINDOW_MILLIS} (or the window given) and the newest, per second. Every front end
 * measures with this class, so that {@code stat --progress}, the import scripts' progress line and
 * the Maven and Ant logs say the same thing: a stall shows as a falling rate within one window
 * instead of being averaged away over the whole run. Not thread-safe.
 *
 * <p>A sample with fewer bytes than the one before means the job started over (cleaned and
 * submitted again, or a retry took bytes back): the window starts again from it.
 */
public final class TransferRate {
  /** How far back the rate looks by default. */
  public static final long DEFAULT_WINDOW_MILLIS = 30_000;

  /** At most this many samples are kept (a fast poller thins out the oldest). */
  static final int MAX_SAMPLES = 64;

  private final long windowMillis;
  private final ArrayDeque<long[]> samples = new ArrayDeque<long[]>();

  /** A rate over the default window. */
  public TransferRate() {
    this(DEFAULT_WINDOW_MILLIS);
  }

  /** A rate over the last {@code windowMillis} (positive). */
  public TransferRate(long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("window " + windowMillis + " ms must be positive");
    }
    this.windowMillis = windowMillis;
  }

  /** Records that {@code bytes} had been moved at {@code millis} (epoch milliseconds). */
  public void record(long millis, long bytes) {
    long[] last = samples.peekLast();
    if (last != null && (bytes < last[1] || millis < last[0])) {
      samples.clear(); // started over, or the clock went back: the old samples say nothing
    } else if (last != null && millis == last[0]) {
      samples.pollLast();
    }
    samples.addLast(new long[] {millis, bytes});
    // Keep the newest sample at or before the window's start, so the window is always full.
    while (samples.size() > 2 && secondOldest()[0] <= millis - windowMillis) {
      samples.pollFirst();
    }
    while (samples.size() > MAX_SAMPLES) {
      samples.pollFirst();
    }
  }

  /** Bytes per second over the window, or -1 while fewer than two samples span some time. */
  public double bytesPerSecond() {
    if (samples.size() < 2) {
      return -1;
    }
    long[] first = samples.peekFirst();
    long[] last = samples.peekLast();
    return last[0] <= first[0] ? -1 : (last[1] - first[1]) * 1000.0 / (last[0] - first[0]);
  }

  /**
   * The samples as text, {@code millis:bytes} separated by commas, for a front end that keeps the
   * window between processes (the import scripts' {@code logs/import.rate}).
   */
  public String encode() {
    StringBuilder text = new StringBuilder();
    for (long[] s : samples) {
      text.append(text.length() == 0 ? "" : ",").append(s[0]).append(':').append(s[1]);
    }
    return text.toString();
  }

  /** A rate over the default window with the samples of {@link #encode}; bad ones are dropped. */
  public static TransferRate decode(String text) {
    TransferRate rate = new TransferRate();
    if (text == null) {
      return rate;
    }
    for (String sample : text.split(",")) {
      String[] f = sample.trim().split(":");
      if (f.length == 2) {
        try {
          rate.record(Long.parseLong(f[0]), Long.parseLong(f[1]));
        } catch (NumberFormatException e) {
          // a damaged file only costs samples
        }
      }
    }
    return rate;
  }

  /** Seconds until {@code remainingBytes} are moved at this rate, or -1 when it is unknown. */
  public static long etaSeconds(long remainingBytes, double bytesPerSecond) {
    if (remainingBytes <= 0) {
      return 0;
    }
    return bytesPerSecond <= 0 ? -1 : (long) Math.ceil(remainingBytes / bytesPerSecond);
  }

  private long[] secondOldest() {
    Iterator<long[]> it = samples.iterator();
    it.next();
    return it.next();
  }
}
