package io.ossimport.core.source.azure;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 1123 dates, as Azure writes {@code Last-Modified} and expects {@code x-ms-date}. */
final class HttpDates {
  // RFC_1123_DATE_TIME writes one-digit days unpadded; Azure documents the two-digit form.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);

  private HttpDates() {}

  /** Epoch milliseconds of an RFC 1123 date. */
  static long parse(String text) {
    try {
      return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 1123 date: " + text, e);
    }
  }

  /** The current time in RFC 1123 form, GMT. */
  static String now() {
    return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC));
  }
}
