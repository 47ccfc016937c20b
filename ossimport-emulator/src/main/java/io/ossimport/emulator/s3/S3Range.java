package io.ossimport.emulator.s3;

/**
 * A single byte range of a GET ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved
 * against the object size. Like S3, a header that is not one valid range is ignored (the whole
 * object is served) and a range starting past the end is refused with 416 {@code InvalidRange}.
 */
final class S3Range {
  final long offset;
  final long length;

  private S3Range(long offset, long length) {
    this.offset = offset;
    this.length = length;
  }

  /** The range to serve, or null for the whole object. */
  static S3Range of(String header, long size) throws S3Failure {
    if (header == null) {
      return null;
    }
    String spec = header.trim();
    if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
      return null;
    }
    spec = spec.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    long first;
    long last;
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          return null;
        }
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
        if (!b.isEmpty() && Long.parseLong(b) < first) {
          return null;
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (first >= size || first < 0) {
      throw new S3Failure(416, "InvalidRange", "The requested range is not satisfiable")
          .detail("ActualObjectSize", Long.toString(size));
    }
    return new S3Range(first, last - first + 1);
  }

  String contentRange(long size) {
    return "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
  }
}
