package io.ossimport.emulator.oss;

/**
 * OSS's Range rules: one {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} range. A malformed
 * or multi-range header is ignored (whole object, 200), as is an end beyond the object unless
 * {@code x-oss-range-behavior: standard} (then clamped); a start at or beyond the size is 416
 * InvalidRange.
 */
final class OssRanges {
  private OssRanges() {}

  /** {start, end} inclusive, or {@code null} for the whole object. */
  static long[] parse(String header, long size, String behavior) throws OssError {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    boolean standard = "standard".equalsIgnoreCase(behavior);
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        long n = Long.parseLong(b);
        if (n <= 0) {
          return null;
        }
        if (n > size) {
          return standard && size > 0 ? new long[] {0, size - 1} : null;
        }
        return new long[] {size - n, size - 1};
      }
      long start = Long.parseLong(a);
      long end = b.isEmpty() ? size - 1 : Long.parseLong(b);
      if (start < 0 || end < start) {
        return null;
      }
      if (start >= size) {
        throw new OssError(416, "InvalidRange", "The requested range cannot be satisfied.")
            .with("RangeRequested", header)
            .with("ActualObjectSize", Long.toString(size));
      }
      if (end >= size) {
        if (!standard && !b.isEmpty()) {
          return null;
        }
        end = size - 1;
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
