package io.ossimport.emulator.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids as OSS makes them: 24 upper-case hex digits. */
public final class RequestIds {
  private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() / 1000);

  private RequestIds() {}

  /** A fresh id. */
  public static String next() {
    char[] out = new char[24];
    hex(out, 0, (int) (System.currentTimeMillis() / 1000));
    hex(out, 8, (int) SEQ.incrementAndGet());
    hex(out, 16, ThreadLocalRandom.current().nextInt());
    return new String(out);
  }

  private static void hex(char[] out, int at, int v) {
    for (int i = 7; i >= 0; i--) {
      out[at + i] = "0123456789ABCDEF".charAt(v & 0xf);
      v >>>= 4;
    }
  }
}
