package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** AIMD: open until throttled, halved once per round of requests, widened as requests pass. */
class RequestWindowTest {
  @Test
  void aThrottlingAnswerHalvesTheRequestsInFlightOncePerRound() throws Exception {
    RequestWindow w = new RequestWindow();
    assertEquals(Integer.MAX_VALUE, w.width(), "no limit before any throttling");
    long[] rounds = new long[10];
    for (int i = 0; i < 10; i++) {
      rounds[i] = w.acquire();
    }

    assertEquals(5, w.release(rounds[0], true), "10 in flight: halved to 5");
    assertEquals(-1, w.release(rounds[1], true), "same overload, same round: no second halving");
    assertEquals(-1, w.release(rounds[2], true));
    assertEquals(5, w.width());
    for (int i = 3; i < 10; i++) {
      w.release(rounds[i], false);
    }
    long later = w.acquire();
    assertEquals(
        1, w.release(later, true), "a request of the new round halves it again (1/2 -> 1)");
    assertEquals(1, w.width(), "never below one");
  }

  @Test
  void requestsThatGetThroughWidenItByAboutOnePerRoundUntilItIsOpenAgain() throws Exception {
    RequestWindow w = new RequestWindow();
    long first = w.acquire();
    long second = w.acquire();
    w.release(first, true); // 2 in flight -> 1
    assertEquals(1, w.width());
    w.release(second, false);
    assertEquals(2, w.width(), "1 + 1/1");

    int requests = 0;
    while (w.width() < 8) {
      w.release(w.acquire(), false);
      requests++;
    }
    // dw = 1/w per request: w^2/2 grows by one per request, (8^2 - 2^2) / 2 = 30 requests.
    assertEquals(30, requests, "about one more per round of requests");
    while (w.width() != Integer.MAX_VALUE) {
      w.release(w.acquire(), false);
    }
    assertEquals(Integer.MAX_VALUE, w.width(), "wide enough to be no limit: open again");
  }

  @Test
  void aRequestWaitsForRoomInANarrowedWindow() throws Exception {
    RequestWindow w = new RequestWindow();
    long a = w.acquire();
    long b = w.acquire();
    w.release(a, true); // 2 in flight -> width 1, b still in flight
    CountDownLatch went = new CountDownLatch(1);
    Thread waiting =
        new Thread(
            () -> {
              try {
                w.release(w.acquire(), false);
                went.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiting.start();
    assertEquals(false, went.await(200, TimeUnit.MILLISECONDS), "b holds the only place");

    w.release(b, false);

    assertTrue(went.await(10, TimeUnit.SECONDS), "it goes once b has ended");
    waiting.join();
  }
}
