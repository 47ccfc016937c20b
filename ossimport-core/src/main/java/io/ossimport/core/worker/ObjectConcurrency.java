package io.ossimport.core.worker;

import io.ossimport.core.accounting.ThroughputLimiter;
import java.util.function.IntConsumer;

/**
 * How many objects the worker moves at once: {@code workerTaskThreadNum} to begin with, more while
 * the link is slow but idle, up to {@code workerMaxTaskThreadNum}.
 *
 * <p>By Little's law the requests in flight a link needs are its rate times its latency: 60 threads
 * on a 40 ms link send at most 1,500 requests a second however fast the link is. So every {@value
 * #INTERVAL_MILLIS} ms (judged on the requests that ended, no timer thread) the worker looks at the
 * mean latency of the destination's requests that got through. When every thread was busy, the
 * requests took at least {@value #SLOW_LINK_MILLIS} ms (a slow link, not loopback) and no longer
 * than {@value #IDLE_LINK} times the lowest mean seen (adding requests did not slow them: neither
 * the link nor this host's CPU is the bottleneck), it adds a quarter more threads. When the mean
 * grows past {@value #QUEUEING} times the lowest (requests queue: in the link, at OSS or for the
 * CPU), it drops a fifth, never below the base. A throttling answer from OSS halves it (the job's
 * {@link RequestWindow} narrows as well). The lowest mean creeps up by 1 % an interval, so a link
 * that became slower for good is learnt again.
 *
 * <p>Bounds: the configured ceiling; memory ({@value #HEAP_PER_OBJECT_BYTES} bytes of heap per
 * object in flight: bodies are streamed, not buffered, so this is the SDK's buffers, the request
 * and the thread, and a quarter of the heap is the most objects may hold); {@code
 * workerMaxThroughput}: while the limiter makes readers wait, more threads would only wait too, so
 * it does not grow.
 */
final class ObjectConcurrency {
  static final long INTERVAL_MILLIS = 250;
  static final int MIN_SAMPLES = 8;
  static final long SLOW_LINK_MILLIS = 5;
  static final double IDLE_LINK = 1.5;
  static final double QUEUEING = 2.5;
  static final long HEAP_PER_OBJECT_BYTES = 1L << 20;

  private final int base;
  private final int ceiling;
  private final ThroughputLimiter limiter;
  private final IntConsumer resize;

  private int limit;
  private int objects;
  private int requests;
  private int busiestObjects;
  private int busiestRequests;
  private long intervalStart;
  private int samples;
  private long latencySum;
  private double lowest = Double.POSITIVE_INFINITY;
  private boolean throttled;
  private long limiterWaited;

  /**
   * @param base threads at start and the fewest ever ({@code workerTaskThreadNum})
   * @param ceiling the most ({@code workerMaxTaskThreadNum}); also capped by the heap
   * @param resize told every new width (the object pool's size)
   */
  ObjectConcurrency(int base, int ceiling, ThroughputLimiter limiter, IntConsumer resize) {
    this.base = Math.max(1, base);
    this.ceiling = Math.max(this.base, Math.min(ceiling, memoryCap(Runtime.getRuntime())));
    this.limiter = limiter;
    this.resize = resize;
    this.limit = this.base;
    this.intervalStart = System.nanoTime();
    this.limiterWaited = limiter.waitedNanos();
  }

  /** Objects a quarter of the heap holds in flight, never fewer than one. */
  static int memoryCap(Runtime runtime) {
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, runtime.maxMemory() / 4 / HEAP_PER_OBJECT_BYTES));
  }

  /** The most objects ever in flight: what a task may hand to the pool at once. */
  int ceiling() {
    return ceiling;
  }

  /** Objects that may be in flight now. */
  synchronized int width() {
    return limit;
  }

  synchronized void objectStarted() {
    objects++;
    busiestObjects = Math.max(busiestObjects, objects);
  }

  synchronized void objectEnded() {
    objects--;
  }

  synchronized void requestStarted() {
    requests++;
    busiestRequests = Math.max(busiestRequests, requests);
  }

  /** A request to the destination ended; {@code passed}: it got through in {@code nanos}. */
  void requestEnded(long nanos, boolean passed) {
    requestEnded(nanos, passed, System.nanoTime());
  }

  synchronized void requestEnded(long nanos, boolean passed, long now) {
    requests--;
    if (passed) {
      samples++;
      latencySum += nanos;
    }
    if (now - intervalStart >= INTERVAL_MILLIS * 1_000_000L) {
      setLimit(adjust(now));
    }
  }

  /** OSS throttles: halve the objects in flight (not below the base). */
  synchronized void throttled() {
    throttled = true;
    setLimit(Math.max(base, limit / 2));
  }

  /** Ends an interval; returns the new width. */
  private int adjust(long now) {
    boolean allBusy = busiestObjects >= limit && busiestRequests * 2 >= limit;
    boolean enough = samples >= MIN_SAMPLES;
    double mean = enough ? (double) latencySum / samples : 0;
    long waited = limiter.waitedNanos();
    boolean capped = waited != limiterWaited;
    int next = limit;
    if (enough && !throttled) {
      lowest = Math.min(lowest * 1.01, mean);
      if (allBusy
          && !capped
          && mean >= SLOW_LINK_MILLIS * 1_000_000.0
          && mean <= lowest * IDLE_LINK) {
        next = Math.min(ceiling, limit + Math.max(1, limit / 4));
      } else if (mean > lowest * QUEUEING) {
        next = Math.max(base, limit - Math.max(1, limit / 5));
      }
    }
    if (enough || throttled) {
      intervalStart = now;
      samples = 0;
      latencySum = 0;
      throttled = false;
      limiterWaited = waited;
      busiestObjects = objects;
      busiestRequests = requests;
    }
    return next;
  }

  /** Under the lock, so that two changes reach the pool in their order. */
  private void setLimit(int next) {
    if (next != limit) {
      limit = next;
      resize.accept(next);
    }
  }

  @Override
  public synchronized String toString() {
    return "ObjectConcurrency{" + base + ".." + ceiling + ", now " + limit + "}";
  }
}
