package io.ossimport.core.worker;

/**
 * The part size and the parts in flight of one multipart upload, from the file's size and the job's
 * {@code multipartUploadPartSize} / {@code uploadThreadNumPerLargeFile} (0 = {@code auto}).
 *
 * <p>Parts are streamed from the source ({@link SourceBody} reopens instead of buffering), so a
 * part in flight costs a connection and the SDK's buffers, not its size in heap: many parts of a
 * modest size fill a link with latency (each part's stream is one TCP window's worth of round
 * trips; many streams at once hide them), and a failed part costs little to send again. {@code
 * auto} chooses {@value #AUTO_PARTS_IN_FLIGHT} parts in flight and parts of {@value
 * #AUTO_MIN_PART_MIB} to {@value #AUTO_MAX_PART_MIB} MiB so that the file has about {@value
 * #ROUNDS} rounds of them: 1 GiB is 64 parts of 16 MiB. Whatever is chosen stays within OSS's
 * limits: at most {@value #MAX_PARTS} parts, each from 100 KB to 5 GB.
 */
final class PartSizing {
  /** OSS accepts at most this many parts; larger files get larger parts. */
  static final int MAX_PARTS = 10_000;

  static final long MIN_PART = 100 * 1024;
  static final long MAX_PART = 5L * 1024 * 1024 * 1024;
  static final int AUTO_PARTS_IN_FLIGHT = 16;
  static final int ROUNDS = 4;
  static final long AUTO_MIN_PART_MIB = 8;
  static final long AUTO_MAX_PART_MIB = 64;
  private static final long MIB = 1024 * 1024;

  private PartSizing() {}

  /**
   * The part size for a file of {@code objectSize} bytes: {@code configured} (0 = auto) or more if
   * it would need more than {@value #MAX_PARTS} parts.
   */
  static long partSize(long objectSize, long configured) {
    long fewestParts = ceilDiv(objectSize, MAX_PARTS);
    if (configured > 0) {
      return Math.max(configured, fewestParts);
    }
    long roundsOfParts = ceilDiv(objectSize, (long) ROUNDS * AUTO_PARTS_IN_FLIGHT);
    long size =
        clamp(ceilDiv(roundsOfParts, MIB) * MIB, AUTO_MIN_PART_MIB * MIB, AUTO_MAX_PART_MIB * MIB);
    // Never a single part (a PUT would do): at most half the file, but at least OSS's minimum.
    size = Math.min(size, Math.max(MIN_PART, ceilDiv(objectSize, 2)));
    return clamp(Math.max(size, fewestParts), MIN_PART, MAX_PART);
  }

  /** Whether OSS takes a file of {@code objectSize} bytes in parts of {@code partSize}. */
  static boolean fits(long objectSize, long partSize) {
    return partSize >= MIN_PART
        && partSize <= MAX_PART
        && ceilDiv(objectSize, partSize) <= MAX_PARTS;
  }

  /** Parts of {@code partCount} sent at once: {@code configured} (0 = auto), at most the parts. */
  static int partsInFlight(int partCount, int configured) {
    int width = configured > 0 ? configured : AUTO_PARTS_IN_FLIGHT;
    return Math.max(1, Math.min(width, partCount));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }
}
