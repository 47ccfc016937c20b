package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.accounting.ThroughputLimiter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The object threads follow the link: what latency and throttling do to them, on a fake clock. */
class ObjectConcurrencyTest {
  static final long MS = 1_000_000L;
  final List<Integer> resized = new ArrayList<>();
  long now;

  ObjectConcurrency concurrency(int base, int ceiling) {
    return concurrency(base, ceiling, ThroughputLimiter.UNLIMITED);
  }

  ObjectConcurrency concurrency(int base, int ceiling, ThroughputLimiter limiter) {
    ObjectConcurrency c = new ObjectConcurrency(base, ceiling, limiter, resized::add);
    now = System.nanoTime(); // its first interval begins now, on the real clock
    return c;
  }

  /** One interval with every thread busy on requests of {@code latencyMillis}. */
  void busyInterval(ObjectConcurrency c, long latencyMillis) {
    int width = c.width();
    for (int i = 0; i < width; i++) {
      c.objectStarted();
      c.requestStarted();
    }
    for (int i = 0; i < width; i++) {
      if (i == width - 1) {
        now += (ObjectConcurrency.INTERVAL_MILLIS + 1) * MS; // the last one ends the interval
      }
      c.requestEnded(latencyMillis * MS, true, now);
      c.objectEnded();
    }
  }

  @Test
  void anIdleSlowLinkGetsThreadsUpToTheCeiling() {
    ObjectConcurrency c = concurrency(8, 64);
    busyInterval(c, 40);
    assertEquals(10, c.width());
    for (int i = 0; i < 30; i++) {
      busyInterval(c, 40);
    }
    assertEquals(64, c.width());
    assertEquals(Integer.valueOf(64), resized.get(resized.size() - 1));
  }

  @Test
  void aFastLinkKeepsTheBaseThreads() {
    ObjectConcurrency c = concurrency(8, 64);
    for (int i = 0; i < 10; i++) {
      busyInterval(c, 1);
    }
    assertEquals(8, c.width());
    assertTrue(resized.isEmpty());
  }

  @Test
  void threadsThatAreNotAllBusyAreNotAddedTo() {
    ObjectConcurrency c = concurrency(8, 64);
    for (int i = 0; i < 10; i++) {
      c.objectStarted();
      c.requestStarted();
      now += (ObjectConcurrency.INTERVAL_MILLIS + 1) * MS;
      for (int j = 0; j < ObjectConcurrency.MIN_SAMPLES; j++) {
        c.requestStarted();
        c.requestEnded(40 * MS, true, now);
      }
      c.requestEnded(40 * MS, true, now);
      c.objectEnded();
    }
    assertEquals(8, c.width());
  }

  @Test
  void requestsThatSlowDownAsThreadsAreAddedTakeThemAwayAgainButNotBelowTheBase() {
    ObjectConcurrency c = concurrency(8, 64);
    for (int i = 0; i < 10; i++) {
      busyInterval(c, 40);
    }
    int grown = c.width();
    assertTrue(grown > 30, "" + grown);
    busyInterval(c, 200); // queueing: the CPU or the link is full
    assertTrue(c.width() < grown, c.width() + " after " + grown);
    for (int i = 0; i < 30; i++) {
      busyInterval(c, 200 + 100 * i);
    }
    assertEquals(8, c.width());
  }

  @Test
  void throttlingHalvesAndTheThreadsGrowAgainAfterwards() {
    ObjectConcurrency c = concurrency(4, 256);
    for (int i = 0; i < 12; i++) {
      busyInterval(c, 40);
    }
    int grown = c.width();
    c.throttled();
    assertEquals(Math.max(4, grown / 2), c.width());
    busyInterval(c, 40); // the interval of the throttling answer adds nothing
    assertEquals(Math.max(4, grown / 2), c.width());
    busyInterval(c, 40);
    assertTrue(c.width() > grown / 2, c.width() + " after " + grown);
    for (int i = 0; i < 20; i++) {
      c.throttled();
    }
    assertEquals(4, c.width());
  }

  @Test
  void aThroughputCapThatMakesReadersWaitStopsTheGrowth() throws Exception {
    ThroughputLimiter limiter = ThroughputLimiter.ofKilobytesPerSecond(100_000);
    ObjectConcurrency c = concurrency(8, 64, limiter);
    busyInterval(c, 40);
    int before = c.width();
    limiter.acquire(20_000_000); // beyond the burst: the next reader waits
    limiter.acquire(1);
    busyInterval(c, 40);
    assertEquals(before, c.width());
    busyInterval(c, 40);
    assertTrue(c.width() > before);
  }

  @Test
  void theCeilingIsWithinAQuarterOfTheHeap() {
    int heapCap = ObjectConcurrency.memoryCap(Runtime.getRuntime());
    assertEquals(Runtime.getRuntime().maxMemory() / 4 / (1 << 20), heapCap);
    assertEquals(Math.max(8, Math.min(100_000, heapCap)), concurrency(8, 100_000).ceiling());
  }
}
