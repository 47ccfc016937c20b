package io.ossimport.core.jobtree;

import java.util.Objects;

/**
 * What the server (or the failing call) said about a failure, as the extra columns of {@code
 * audit.log} and {@code error.list} carry it: the OSS error code, a short message and the request
 * id. Each is one line of bounded length; an absent value is {@code ""} (written as {@code -}).
 *
 * <p>The message is sanitised here, once, for every writer: control characters (TAB, line breaks)
 * become spaces and it is cut to {@value #MAX_MESSAGE} characters. It is the server's own text or
 * an exception message of the worker, which never holds a credential.
 */
public final class FailureCause {
  /** The longest message kept; OSS messages are one sentence. */
  public static final int MAX_MESSAGE = 200;

  private static final int MAX_CODE = 64;
  private static final int MAX_REQUEST_ID = 64;

  /** No code, no message, no request id (a failure of the source or of the worker itself). */
  public static final FailureCause NONE = new FailureCause("", "", "");

  private final String code;
  private final String message;
  private final String requestId;

  private FailureCause(String code, String message, String requestId) {
    this.code = code;
    this.message = message;
    this.requestId = requestId;
  }

  /** The cause with each value sanitised; {@code null} reads as absent. */
  public static FailureCause of(String code, String message, String requestId) {
    FailureCause c =
        new FailureCause(
            clean(code, MAX_CODE), clean(message, MAX_MESSAGE), clean(requestId, MAX_REQUEST_ID));
    return c.isEmpty() ? NONE : c;
  }

  /** The OSS error code (e.g. {@code NoSuchBucket}), or {@code ""}. */
  public String code() {
    return code;
  }

  /** The short message, or {@code ""}. */
  public String message() {
    return message;
  }

  /** The {@code x-oss-request-id} of the answer, or {@code ""}. */
  public String requestId() {
    return requestId;
  }

  /** Whether nothing is known beyond the reason code. */
  public boolean isEmpty() {
    return code.isEmpty() && message.isEmpty() && requestId.isEmpty();
  }

  /** The three columns, TAB-separated, each escaped or {@code -}: what both files append. */
  String columns() {
    return column(code) + "\t" + column(message) + "\t" + column(requestId);
  }

  /** Reads the three columns {@link #columns()} wrote, from {@code f[from]} on. */
  static FailureCause parse(String[] f, int from) {
    return of(value(f[from]), value(f[from + 1]), value(f[from + 2]));
  }

  private static String column(String value) {
    return value.isEmpty() ? "-" : NameCodec.escape(value);
  }

  private static String value(String column) {
    return column.equals("-") ? "" : NameCodec.unescape(column);
  }

  private static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1); // cut in the middle of a pair
    }
    String s = out.toString().trim();
    return s.equals("-") ? "" : s;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FailureCause)) {
      return false;
    }
    FailureCause c = (FailureCause) o;
    return c.code.equals(code) && c.message.equals(message) && c.requestId.equals(requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message, requestId);
  }

  /** {@code Code: message (request id)}, for operators. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(code);
    if (!message.isEmpty()) {
      b.append(b.length() == 0 ? "" : ": ").append(message);
    }
    if (!requestId.isEmpty()) {
      b.append(b.length() == 0 ? "" : " ").append("(request ").append(requestId).append(')');
    }
    return b.toString();
  }
}
