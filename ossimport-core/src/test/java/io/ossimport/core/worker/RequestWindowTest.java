package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.worker.RequestWindow.Answer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow start from 4, halved once per round when throttled, widened by about one per round after
 * that; failures of other kinds leave it alone.
 */
class RequestWindowTest {
  @Test
  void slowStartDoublesPerRoundWhileRequestsGetThroughAndFailuresDoNotWidenIt() {
    RequestWindow w = new RequestWindow();
    assertEquals(RequestWindow.INITIAL, w.width());
    for (int i = 0; i < 100; i++) {
      pass(w, Answer.FAILED); // a destination that refuses everything
    }
    assertEquals(RequestWindow.INITIAL, w.width(), "failures never widen it");
    for (int i = 0; i < 4; i++) {
      pass(w, Answer.PASSED);
    }
    assertEquals(8, w.width(), "a round of 4 that got through: 8");
    while (w.width() != Integer.MAX_VALUE) {
      pass(w, Answer.PASSED);
    }
  }

  @Test
  void aThrottlingAnswerHalvesTheRequestsInFlightOncePerRound() throws Exception {
    RequestWindow w = widened(10);
    long[] rounds = new long[10];
    for (int i = 0; i < 10; i++) {
      rounds[i] = w.acquire();
    }

    assertEquals(5, w.release(rounds[0], Answer.THROTTLED), "10 in flight: halved to 5");
    assertEquals(-1, w.release(rounds[1], Answer.THROTTLED), "same round: no second halving");
    assertEquals(-1, w.release(rounds[2], Answer.THROTTLED));
    assertEquals(5, w.width());
    for (int i = 3; i < 10; i++) {
      w.release(rounds[i], Answer.FAILED);
    }
    long later = w.acquire();
    assertEquals(1, w.release(later, Answer.THROTTLED), "a request of the new round: 1/2 -> 1");
    assertEquals(1, w.width(), "never below one");
  }

  @Test
  void afterThrottlingRequestsThatGetThroughWidenItByAboutOnePerRound() throws Exception {
    RequestWindow w = new RequestWindow();
    long first = w.acquire();
    long second = w.acquire();
    w.release(first, Answer.THROTTLED); // 2 in flight -> 1
    assertEquals(1, w.width());
    w.release(second, Answer.PASSED);
    assertEquals(2, w.width(), "1 + 1/1");

    int requests = 0;
    while (w.width() < 8) {
      pass(w, Answer.PASSED);
      requests++;
    }
    // dw = 1/w per request: w^2/2 grows by one per request, (8^2 - 2^2) / 2 = 30 requests.
    assertEquals(30, requests, "about one more per round of requests");
  }

  @Test
  void aRequestWaitsForRoomInANarrowedWindow() throws Exception {
    RequestWindow w = new RequestWindow();
    long a = w.acquire();
    long b = w.acquire();
    w.release(a, Answer.THROTTLED); // 2 in flight -> width 1, b still in flight
    CountDownLatch went = new CountDownLatch(1);
    Thread waiting =
        new Thread(
            () -> {
              try {
                w.release(w.acquire(), Answer.PASSED);
                went.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiting.start();
    assertFalse(went.await(200, TimeUnit.MILLISECONDS), "b holds the only place");

    w.release(b, Answer.PASSED);

    assertTrue(went.await(10, TimeUnit.SECONDS), "it goes once b has ended");
    waiting.join();
  }

  private static RequestWindow widened(int width) {
    RequestWindow w = new RequestWindow();
    while (w.width() < width) {
      pass(w, Answer.PASSED);
    }
    return w;
  }

  private static void pass(RequestWindow w, Answer answer) {
    try {
      w.release(w.acquire(), answer);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
