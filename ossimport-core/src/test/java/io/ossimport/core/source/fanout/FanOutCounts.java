package io.ossimport.core.source.fanout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.Operation;
import io.ossimport.emulator.RequestCounters;

/** What an emulator's request counters show of a {@link FanOutListing} since their last reset. */
public final class FanOutCounts {
  private FanOutCounts() {}

  /**
   * Asserts that at least {@code rollUps} {@code listing} requests carried the delimiter (the
   * roll-up's pages) and at least {@code prefixListings} did not (each common prefix listed on its
   * own).
   */
  public static void assertFannedOut(
      RequestCounters counters, Operation listing, long rollUps, long prefixListings) {
    long delimited = counters.delimitedListings();
    long plain = counters.get(listing) - delimited;
    assertTrue(delimited >= rollUps, "roll-up pages at '/': " + delimited + " < " + rollUps);
    assertTrue(
        plain >= prefixListings,
        "pages of common prefixes listed on their own: " + plain + " < " + prefixListings);
  }
}
