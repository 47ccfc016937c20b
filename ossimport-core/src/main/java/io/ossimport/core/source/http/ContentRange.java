package io.ossimport.core.source.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.Header;
import org.apache.http.HttpResponse;

/** The {@code Content-Range} header of a 206 or 416 answer: {@code bytes 0-99/1234}. */
final class ContentRange {
  private static final Pattern RANGE =
      Pattern.compile(
          "\\s*bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)\\s*", Pattern.CASE_INSENSITIVE);

  private ContentRange() {}

  /** The first byte of a 206 answer; 0 if the server did not say. */
  static long start(HttpResponse response) {
    Matcher m = match(response);
    return m == null || m.group(1) == null ? 0 : Long.parseLong(m.group(1));
  }

  /** The whole object's size as the answer gives it, or -1. */
  static long total(HttpResponse response) {
    Matcher m = match(response);
    return m == null || m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
  }

  private static Matcher match(HttpResponse response) {
    Header h = response.getFirstHeader("Content-Range");
    if (h == null || h.getValue() == null) {
      return null;
    }
    Matcher m = RANGE.matcher(h.getValue());
    return m.matches() ? m : null;
  }
}
