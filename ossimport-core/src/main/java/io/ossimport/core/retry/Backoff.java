package io.ossimport.core.retry;

import java.util.Random;

/**
 * Exponential backoff with full jitter: before attempt {@code n+1} wait a uniformly random time in
 * {@code [0, min(cap, base * 2^n))}. Full jitter spreads retries of many threads that failed
 * together (a throttling burst from OSS) instead of letting them return in lockstep.
 */
public final class Backoff {
  private final long baseMillis;
  private final long capMillis;
  private final int maxAttempts;
  private final Random random;

  /**
   * @param baseMillis the ceiling of the first wait
   * @param capMillis the largest ceiling any wait may have
   * @param maxAttempts how many attempts an object gets in all, the first included
   */
  public Backoff(long baseMillis, long capMillis, int maxAttempts, Random random) {
    if (baseMillis < 0 || capMillis < baseMillis || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= base <= cap and at least one attempt: base="
              + baseMillis
              + " cap="
              + capMillis
              + " attempts="
              + maxAttempts);
    }
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.maxAttempts = maxAttempts;
    this.random = random;
  }

  /** The engine's default: waits up to 0.5, 1, 2, 4, 8 s... capped at 20 s; 6 attempts. */
  public static Backoff standard() {
    return new Backoff(500, 20_000, 6, new Random());
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether an object that failed its {@code attemptsMade}-th attempt may be tried again. */
  public boolean allowsAnotherAttempt(int attemptsMade) {
    return attemptsMade < maxAttempts;
  }

  /** The wait before the attempt after {@code attemptsMade} failed ones (1-based). */
  public long delayMillis(int attemptsMade) {
    int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
    long ceiling = Math.min(capMillis, baseMillis << exponent);
    if (ceiling <= 0) {
      return 0;
    }
    synchronized (random) {
      return (long) (random.nextDouble() * ceiling);
    }
  }
}
