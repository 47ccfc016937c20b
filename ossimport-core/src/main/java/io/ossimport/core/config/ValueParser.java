package io.ossimport.core.config;

import java.util.regex.Pattern;

/**
 * Turns a raw value into the typed value of its key and checks the rules of the key alone (syntax,
 * range, pattern, allowed words). A failure carries the message and the fix shown to the user; it
 * never quotes a secret.
 */
final class ValueParser {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
  private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgG]?");

  private ValueParser() {}

  /** A value that breaks its key's rules. */
  static final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;
    final String fix;

    InvalidValue(String message, String fix) {
      super(message, null, false, false);
      this.fix = fix;
    }
  }

  /**
   * Parses {@code raw} (not empty) for {@code key}: {@link String} for text, choice and heap size,
   * {@link Secret}, {@link Boolean}, {@link Long} or {@link SizeValue}.
   */
  static Object parse(ConfigKey key, String raw) throws InvalidValue {
    if (key.allowsAuto() && raw.trim().equalsIgnoreCase(ConfigKey.AUTO)) {
      return ConfigKey.AUTO;
    }
    switch (key.type()) {
      case TEXT:
        return checkPattern(key, raw);
      case SECRET:
        return Secret.of(raw);
      case BOOLEAN:
        return parseBoolean(key, raw.trim());
      case INTEGER:
        return parseInteger(key, raw.trim());
      case SIZE:
        return parseSize(key, raw.trim());
      case CHOICE:
        return parseChoice(key, raw.trim());
      case HEAP_SIZE:
        return parseHeap(key, raw.trim());
      case TIMETABLE:
        return parseTimetable(key, raw);
      default:
        throw new AssertionError(key.type());
    }
  }

  private static String checkPattern(ConfigKey key, String raw) throws InvalidValue {
    if (key.pattern() != null && !key.pattern().matcher(raw).matches()) {
      throw new InvalidValue(
          "must be " + key.patternRule(), "e.g. " + key.name() + "=" + key.defaultValue());
    }
    return raw;
  }

  private static ThroughputTimetable parseTimetable(ConfigKey key, String raw) throws InvalidValue {
    try {
      return ThroughputTimetable.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(
          e.getMessage(), "e.g. " + key.name() + "=08:00,512;19:00,off (or leave it empty)");
    }
  }

  private static Boolean parseBoolean(ConfigKey key, String raw) throws InvalidValue {
    if (raw.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (raw.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new InvalidValue(
        "must be true or false", "write " + key.name() + "=true or " + key.name() + "=false");
  }

  private static Long parseInteger(ConfigKey key, String raw) throws InvalidValue {
    long value;
    try {
      if (!WHOLE_NUMBER.matcher(raw).matches()) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new InvalidValue(
          "must be a whole number" + bounds(key, false) + orAuto(key),
          "e.g. " + key.name() + "=" + key.defaultValue());
    }
    checkRange(key, value, false);
    return value;
  }

  private static SizeValue parseSize(ConfigKey key, String raw) throws InvalidValue {
    SizeValue size;
    try {
      size = SizeValue.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(
          "must be a size: bytes, or a whole number with k, m or g (e.g. 500k, 50m, 5g)"
              + orAuto(key),
          "e.g. " + key.name() + "=" + key.defaultValue());
    }
    checkRange(key, size.bytes(), true);
    return size;
  }

  private static String orAuto(ConfigKey key) {
    return key.allowsAuto() ? ", or " + ConfigKey.AUTO : "";
  }

  private static void checkRange(ConfigKey key, long value, boolean size) throws InvalidValue {
    if (value >= key.min() && value <= key.max()) {
      return;
    }
    String range = rangeText(key, size);
    if (range.isEmpty() || value > key.max() && range.startsWith("at least")) {
      range = "at most " + show(key.max(), size);
    }
    long nearest = value < key.min() ? key.min() : key.max();
    throw new InvalidValue("must be " + range, "e.g. " + key.name() + "=" + show(nearest, size));
  }

  /** " (between 1 and 32)", " (at least 0)" or "" for the key's range. */
  private static String bounds(ConfigKey key, boolean size) {
    String range = rangeText(key, size);
    return range.isEmpty() ? "" : " (" + range + ")";
  }

  /**
   * "between 1 and 32", "at least 0" or "" ({@link Integer#MAX_VALUE} as a maximum only keeps a
   * value within an int and is not worth mentioning).
   */
  private static String rangeText(ConfigKey key, boolean size) {
    boolean hasMin = key.min() != Long.MIN_VALUE;
    boolean hasMax = key.max() != Long.MAX_VALUE && key.max() != Integer.MAX_VALUE;
    if (hasMin && hasMax) {
      return "between " + show(key.min(), size) + " and " + show(key.max(), size);
    }
    if (hasMin) {
      return "at least " + show(key.min(), size);
    }
    return hasMax ? "at most " + show(key.max(), size) : "";
  }

  private static String show(long value, boolean size) {
    return size ? SizeValue.ofBytes(value).toString() : Long.toString(value);
  }

  private static String parseChoice(ConfigKey key, String raw) throws InvalidValue {
    if (key.choices().contains(raw)) {
      return raw;
    }
    if (key.answerMessage(raw) != null) {
      throw new InvalidValue(key.answerMessage(raw), key.answerFix(raw));
    }
    String allowed = String.join(", ", key.choices());
    for (String choice : key.choices()) {
      if (choice.equalsIgnoreCase(raw)) {
        throw new InvalidValue(
            "must be one of " + allowed + ", written exactly (case matters)",
            "write " + key.name() + "=" + choice);
      }
    }
    if (key.defaultValue().isEmpty()) {
      throw new InvalidValue(
          "must be one of " + allowed + ", or empty",
          "e.g. " + key.name() + "=" + key.choices().get(0) + ", or leave it empty");
    }
    throw new InvalidValue(
        "must be one of " + allowed, "e.g. " + key.name() + "=" + key.defaultValue());
  }

  private static final long MIN_HEAP_BYTES = 64L << 20;

  private static long heapBytes(String heap) {
    char unit = Character.toLowerCase(heap.charAt(heap.length() - 1));
    int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
    String digits = shift == 0 ? heap : heap.substring(0, heap.length() - 1);
    // more digits than a long holds is a heap larger than any minimum
    return digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits) << shift;
  }

  private static String parseHeap(ConfigKey key, String raw) throws InvalidValue {
    if (!HEAP.matcher(raw).matches()) {
      throw new InvalidValue(
          "must be a JVM heap size: digits with an optional k, m or g",
          "e.g. " + key.name() + "=" + key.defaultValue() + " or " + key.name() + "=4g");
    }
    // the start scripts give the service -Xms32m, and a JVM refuses an -Xmx below its -Xms
    if (heapBytes(raw) < MIN_HEAP_BYTES) {
      throw new InvalidValue(
          "must be at least 64m (the service starts with a 32m heap)",
          "e.g. " + key.name() + "=" + key.defaultValue());
    }
    return raw;
  }
}
