package io.ossimport.emulator.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Date formats of the protocols: RFC 1123 headers, ISO 8601 in XML and V4 signatures. */
public final class HttpDates {
  private static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO8601 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC);

  private HttpDates() {}

  /** {@code Fri, 27 Nov 2026 10:00:00 GMT}. */
  public static String rfc1123(long millis) {
    return RFC1123.format(Instant.ofEpochMilli(millis));
  }

  /** {@code 2026-11-27T10:00:00.000Z}. */
  public static String iso8601(long millis) {
    return ISO8601.format(Instant.ofEpochMilli(millis));
  }

  /** Parses an RFC 1123 date (also RFC 1036/asctime variants via the JDK); -1 if unparsable. */
  public static long parseRfc1123(String s) {
    if (s == null) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.from(RFC1123.parse(s.trim())).toEpochMilli();
      } catch (DateTimeParseException e2) {
        return -1;
      }
    }
  }

  /** Parses {@code 20261127T100000Z}; -1 if unparsable. */
  public static long parseCompact(String s) {
    if (s == null) {
      return -1;
    }
    try {
      return Instant.from(COMPACT.parse(s.trim())).toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
