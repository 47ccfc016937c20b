package io.ossimport.core.worker;

/**
 * How many requests of a job may be in flight at once: unbounded (the threads bound them) until the
 * destination throttles, then additive increase, multiplicative decrease, as TCP does with its
 * congestion window. A throttling answer ({@code 503 SlowDown}, {@code QpsLimitExceeded}, a 429)
 * halves the window to half the requests in flight at that moment, once per round of requests (a
 * request started before the last decrease cannot cause another one, so a burst of SlowDowns from
 * one overload halves it once); each request that gets through widens it by one over its width,
 * about one more request per round, until it is wide enough again to be no limit at all.
 *
 * <p>The backoff of the throttled request itself happens outside the window ({@link Attempts}). One
 * window per job: OSS throttles per bucket.
 */
final class RequestWindow {
  /** Wider than this, the window is no limit any more: the threads bound the requests again. */
  static final int OPEN_ABOVE = 4096;

  private double limit = Double.POSITIVE_INFINITY;
  private int inFlight;
  private long round;

  /** A request may go: waits for room in the window; returns the round it was started in. */
  synchronized long acquire() throws InterruptedException {
    while (inFlight >= limit) {
      wait();
    }
    inFlight++;
    return round;
  }

  /**
   * The request started in {@code startedRound} has ended.
   *
   * @param throttled whether the destination answered that it is overloaded
   * @return the new width when this answer narrowed the window, else -1
   */
  synchronized int release(long startedRound, boolean throttled) {
    int flying = inFlight--;
    int narrowed = -1;
    if (throttled) {
      if (startedRound == round) {
        limit = Math.max(1, flying / 2);
        round++;
        narrowed = (int) limit;
      }
    } else if (limit != Double.POSITIVE_INFINITY) {
      limit += 1.0 / limit;
      if (limit > OPEN_ABOVE) {
        limit = Double.POSITIVE_INFINITY;
      }
    }
    notifyAll();
    return narrowed;
  }

  /** The width now ({@link Integer#MAX_VALUE} when open), for tests and reports. */
  synchronized int width() {
    return limit == Double.POSITIVE_INFINITY ? Integer.MAX_VALUE : (int) limit;
  }
}
