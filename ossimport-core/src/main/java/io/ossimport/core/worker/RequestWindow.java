package io.ossimport.core.worker;

/**
 * How many requests of a job may be in flight at once, as TCP's congestion window: slow start, then
 * additive increase, multiplicative decrease.
 *
 * <p>Slow start: a job begins with {@value #INITIAL} requests in flight and each request that gets
 * through widens the window by one, so it doubles every round of requests (4, 8, 16, ... a few
 * round trips until the threads bound the requests, not the window). A destination that answers
 * nothing but failures never widens it: a wrong secret, a missing bucket or a closed port costs a
 * handful of objects before {@link DestinationHealth} aborts the job, not one per object thread.
 *
 * <p>Once the destination throttles ({@code 503 SlowDown}, {@code QpsLimitExceeded}, a 429), the
 * window halves to half the requests in flight at that moment, once per round of requests (a
 * request started before the last decrease cannot cause another one, so a burst of SlowDowns from
 * one overload halves it once); from then on each request that gets through widens it by one over
 * its width, about one more request per round. Wider than {@value #OPEN_ABOVE}, it is no limit.
 *
 * <p>The backoff of a throttled request itself happens outside the window ({@link Attempts}). One
 * window per job: OSS throttles per bucket.
 */
final class RequestWindow {
  /** Wider than this, the window is no limit any more: the threads bound the requests again. */
  static final int OPEN_ABOVE = 4096;

  /** Requests in flight when a job starts. */
  static final int INITIAL = 4;

  /**
   * No limit at all, for what is not a request to the destination: it takes no lock, since every
   * source look of every job shares it.
   */
  static final RequestWindow NONE = new RequestWindow(Double.POSITIVE_INFINITY);

  private final boolean none;
  private double limit;
  private boolean slowStart = true;
  private int inFlight;
  private long round;

  RequestWindow() {
    this(INITIAL);
  }

  private RequestWindow(double limit) {
    this.limit = limit;
    this.none = limit == Double.POSITIVE_INFINITY;
  }

  /**
   * A request may go: waits for room in the window; returns the round it was started in. Only
   * throttling answers and requests that get through move the window; a failure of any other kind
   * leaves it as it is.
   */
  long acquire() throws InterruptedException {
    return none ? 0 : acquireInWindow();
  }

  private synchronized long acquireInWindow() throws InterruptedException {
    while (inFlight >= limit) {
      wait();
    }
    inFlight++;
    return round;
  }

  /** How a request ended, for the window. */
  enum Answer {
    /** It got through: widens the window. */
    PASSED,
    /** The destination said it is overloaded: narrows it. */
    THROTTLED,
    /** Any other failure (or a stop): leaves it as it is. */
    FAILED
  }

  /**
   * The request started in {@code startedRound} has ended.
   *
   * @return the new width when this answer narrowed the window, else -1
   */
  int release(long startedRound, Answer answer) {
    return none ? -1 : releaseInWindow(startedRound, answer);
  }

  private synchronized int releaseInWindow(long startedRound, Answer answer) {
    int flying = inFlight--;
    int narrowed = -1;
    if (answer == Answer.THROTTLED) {
      if (startedRound == round) {
        limit = Math.max(1, flying / 2);
        slowStart = false;
        round++;
        narrowed = (int) limit;
      }
    } else if (answer == Answer.PASSED && limit != Double.POSITIVE_INFINITY) {
      limit += slowStart ? 1 : 1.0 / limit;
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
