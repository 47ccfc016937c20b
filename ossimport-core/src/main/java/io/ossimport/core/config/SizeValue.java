package io.ossimport.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte count written as in the original configuration files: plain bytes ({@code 1000000000}) or
 * a whole number with a binary suffix {@code k}, {@code m} or {@code g} (case-insensitive, an
 * optional {@code b} after it is tolerated: {@code 50m}, {@code 50MB}, {@code 5g}, {@code 500k}).
 * Units are powers of 1024, as for {@code -Xmx}.
 */
public final class SizeValue implements Comparable<SizeValue> {
  private static final Pattern SYNTAX = Pattern.compile("([0-9]+)\\s*([kmg]?)b?");
  private static final String UNITS = "kmg";

  private final long bytes;

  private SizeValue(long bytes) {
    this.bytes = bytes;
  }

  /** A size of exactly {@code bytes} bytes (not negative). */
  public static SizeValue ofBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
    return new SizeValue(bytes);
  }

  /**
   * Parses {@code 50m}, {@code 5G}, {@code 500k}, {@code 1000000000}.
   *
   * @throws IllegalArgumentException if the text is not such a size or exceeds {@link
   *     Long#MAX_VALUE} bytes; the message says which
   */
  public static SizeValue parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a size: '" + text + "' (write bytes or a whole number with k, m or g)");
    }
    String unit = m.group(2);
    int shift = unit.isEmpty() ? 0 : 10 * (UNITS.indexOf(unit) + 1);
    String digits = m.group(1);
    long number;
    try {
      number = Long.parseLong(digits);
    } catch (NumberFormatException tooLong) {
      throw new IllegalArgumentException("size too large: '" + text + "'");
    }
    if (number > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size too large: '" + text + "'");
    }
    return new SizeValue(number << shift);
  }

  /** The number of bytes. */
  public long bytes() {
    return bytes;
  }

  /**
   * The canonical spelling: the largest unit that divides the size exactly ({@code 150m}, {@code
   * 5g}, {@code 500k}), else plain bytes ({@code 1000000000}). Parsing it gives back an equal size.
   */
  @Override
  public String toString() {
    if (bytes == 0) {
      return "0";
    }
    for (int unit = UNITS.length(); unit > 0; unit--) {
      long factor = 1L << (10 * unit);
      if (bytes % factor == 0) {
        return (bytes / factor) + String.valueOf(UNITS.charAt(unit - 1));
      }
    }
    return Long.toString(bytes);
  }

  @Override
  public int compareTo(SizeValue other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SizeValue && ((SizeValue) o).bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }
}
