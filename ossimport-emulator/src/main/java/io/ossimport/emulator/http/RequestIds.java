package io.ossimport.emulator.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids as OSS makes them: 24 upper-case hex digits. */
public final class RequestIds {
  private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() / 1000);

  private RequestIds() {}

  /** A fresh id. */
  public static String next() {
    return String.format(
        "%08X%08X%08X",
        (int) (System.currentTimeMillis() / 1000),
        (int) SEQ.incrementAndGet(),
        ThreadLocalRandom.current().nextInt());
  }
}
