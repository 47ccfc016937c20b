package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransferRateTest {
  @Test
  void theRateIsOverTheLastWindowOnly() {
    TransferRate rate = new TransferRate(30_000);
    rate.record(0, 0);
    assertEquals(-1, rate.bytesPerSecond(), "one sample spans no time");
    rate.record(10_000, 10_000_000);
    assertEquals(1_000_000, rate.bytesPerSecond());
    rate.record(40_000, 10_000_000);
    assertEquals(0, rate.bytesPerSecond(), "the first 10 s fell out of the window");
    rate.record(50_000, 15_000_000);
    assertEquals(125_000, rate.bytesPerSecond(), "from the sample at 10 s, the window's start");
  }

  @Test
  void fewerBytesThanBeforeStartsAgain() {
    TransferRate rate = new TransferRate();
    rate.record(0, 5_000);
    rate.record(1_000, 10_000);
    rate.record(2_000, 1_000);
    assertEquals(-1, rate.bytesPerSecond());
    rate.record(4_000, 3_000);
    assertEquals(1_000, rate.bytesPerSecond());
  }

  @Test
  void samplesSurviveEncodingAndBadOnesAreDropped() {
    TransferRate rate = new TransferRate();
    rate.record(1_000, 0);
    rate.record(3_000, 4_000);
    TransferRate again = TransferRate.decode(rate.encode() + ",garbage,5:x");
    assertEquals(2_000, again.bytesPerSecond());
    assertEquals("1000:0,3000:4000", again.encode());
  }

  @Test
  void aFastPollerKeepsABoundedNumberOfSamples() {
    TransferRate rate = new TransferRate();
    for (int i = 0; i < 1_000; i++) {
      rate.record(i * 10L, i * 10L);
    }
    assertEquals(TransferRate.MAX_SAMPLES, rate.encode().split(",").length);
    assertEquals(1_000, rate.bytesPerSecond());
  }

  @Test
  void etaNeedsARateAndIsZeroWhenNothingIsLeft() {
    assertEquals(40, TransferRate.etaSeconds(40_000_000, 1_000_000));
    assertEquals(-1, TransferRate.etaSeconds(40_000_000, -1));
    assertEquals(0, TransferRate.etaSeconds(0, -1));
  }
}
