package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Part sizes and parts in flight, at OSS's limits and in between. */
class PartSizingTest {
  static final long KB = 1024;
  static final long MB = 1024 * KB;
  static final long GB = 1024 * MB;

  static long parts(long size, long part) {
    return (size + part - 1) / part;
  }

  @Test
  void autoSendsOneGibibyteAsSixtyFourPartsOfSixteenMibibytesSixteenAtOnce() {
    long part = PartSizing.partSize(GB, 0);
    assertEquals(16 * MB, part);
    assertEquals(16, PartSizing.partsInFlight((int) parts(GB, part), 0));
  }

  @Test
  void autoPartsAreEightToSixtyFourMibibytesUntilTenThousandPartsNeedMore() {
    assertEquals(8 * MB, PartSizing.partSize(151 * MB, 0));
    assertEquals(64 * MB, PartSizing.partSize(100 * GB, 0));
    long huge = 10_000L * 5 * GB; // the largest object OSS takes in parts
    long part = PartSizing.partSize(huge, 0);
    assertTrue(parts(huge, part) <= PartSizing.MAX_PARTS, "" + parts(huge, part));
    assertTrue(part <= PartSizing.MAX_PART, "" + part);
    long justOver = 64 * MB * 10_000 + 1;
    assertTrue(parts(justOver, PartSizing.partSize(justOver, 0)) <= PartSizing.MAX_PARTS);
  }

  @Test
  void autoNeverSendsASmallFileAsOnePart() {
    long part = PartSizing.partSize(2 * MB, 0);
    assertEquals(MB, part);
    assertEquals(100 * KB, PartSizing.partSize(150 * KB, 0)); // OSS's smallest part
  }

  @Test
  void aConfiguredPartSizeIsKeptUnlessTenThousandPartsCannotHoldTheFile() {
    assertEquals(50 * MB, PartSizing.partSize(GB, 50 * MB));
    assertEquals(100 * KB, PartSizing.partSize(10 * MB, 100 * KB));
    long size = 2000 * MB;
    long part = PartSizing.partSize(size, 100 * KB);
    assertEquals((size + 9_999) / 10_000, part);
    assertEquals(PartSizing.MAX_PARTS, parts(size, part));
  }

  @Test
  void partsInFlightAreTheConfiguredCountOrSixteenButNeverMoreThanTheParts() {
    assertEquals(3, PartSizing.partsInFlight(100, 3));
    assertEquals(2, PartSizing.partsInFlight(2, 3));
    assertEquals(16, PartSizing.partsInFlight(100, 0));
    assertEquals(5, PartSizing.partsInFlight(5, 0));
    assertEquals(1, PartSizing.partsInFlight(0, 0));
  }

  @Test
  void fitsKnowsOssLimits() {
    assertTrue(PartSizing.fits(GB, 16 * MB));
    assertFalse(PartSizing.fits(GB, 99 * KB));
    assertFalse(PartSizing.fits(GB, 6 * GB));
    assertFalse(PartSizing.fits(10_001 * MB, MB));
    assertTrue(PartSizing.fits(10_000 * MB, MB));
  }
}
