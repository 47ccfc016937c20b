package io.ossimport.core.worker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A task's graceful stop: once requested, no new object or part starts, and waits between attempts
 * end at once, so in-flight work finishes or is left recorded for resume.
 */
final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  void request() {
    stopped.countDown();
  }

  boolean isRequested() {
    return stopped.getCount() == 0;
  }

  /**
   * Waits {@code millis} unless a stop is requested first.
   *
   * @return false if the wait ended because of a stop
   */
  boolean sleep(long millis) {
    if (millis <= 0) {
      return !isRequested();
    }
    try {
      return !stopped.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request();
      return false;
    }
  }
}
