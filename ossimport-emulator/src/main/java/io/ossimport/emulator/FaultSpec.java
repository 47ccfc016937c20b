package io.ossimport.emulator;

import java.util.Locale;

/**
 * One injected fault. What each kind does on the wire:
 *
 * <ul>
 *   <li>{@code PASS}: nothing (a placeholder in scripts).
 *   <li>{@code ERROR}: the request body is drained, then an error response in the dialect's format
 *       with the given status and code (e.g. 503 {@code SlowDown}); nothing is stored.
 *   <li>{@code LATENCY}: waits the given milliseconds, then serves the request normally.
 *   <li>{@code RESET_REQUEST}: reads {@code bytes} of the request body (-1 = half the declared
 *       length), then closes the socket with SO_LINGER 0: the client gets a TCP RST while it sends
 *       or waits; nothing is stored.
 *   <li>{@code RESET_RESPONSE}: serves the request (so a write IS stored), sends the headers and
 *       {@code bytes} of the body (-1 = half), then resets the connection (RST).
 *   <li>{@code TRUNCATE}: like RESET_RESPONSE but ends with a normal close (FIN): the client sees
 *       fewer bytes than Content-Length promised (premature end of stream).
 *   <li>{@code WRONG_CRC}: serves the request normally but sends checksum headers ({@code
 *       x-oss-hash-crc64ecma}) off by one, so the client's CRC check must fail.
 *   <li>{@code NO_CRC}: serves the request normally but sends no checksum headers, as a server (or
 *       a proxy) that does not report a CRC-64 would: the client learns nothing from the answer
 *       about what was stored.
 * </ul>
 */
public final class FaultSpec {
  /** The kinds of faults. */
  public enum Kind {
    PASS,
    ERROR,
    LATENCY,
    RESET_REQUEST,
    RESET_RESPONSE,
    TRUNCATE,
    WRONG_CRC,
    NO_CRC
  }

  private final Kind kind;
  private final int status;
  private final String code;
  private final long amount;

  private FaultSpec(Kind kind, int status, String code, long amount) {
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.amount = amount;
  }

  /** No fault. */
  public static FaultSpec pass() {
    return new FaultSpec(Kind.PASS, 0, null, 0);
  }

  /** An error response with any status and code. */
  public static FaultSpec error(int status, String code) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
    }
    return new FaultSpec(Kind.ERROR, status, code, 0);
  }

  /** 503 SlowDown (throttling). */
  public static FaultSpec slowDown() {
    return error(503, "SlowDown");
  }

  /** 503 ServiceUnavailable. */
  public static FaultSpec serviceUnavailable() {
    return error(503, "ServiceUnavailable");
  }

  /** 500 InternalError. */
  public static FaultSpec internalError() {
    return error(500, "InternalError");
  }

  /** Added latency before serving. */
  public static FaultSpec latency(long millis) {
    return new FaultSpec(Kind.LATENCY, 0, null, millis);
  }

  /** Connection reset while the request body is read ({@code -1} = after half of it). */
  public static FaultSpec resetRequest(long afterBytes) {
    return new FaultSpec(Kind.RESET_REQUEST, 0, null, afterBytes);
  }

  /** Connection reset in the response body ({@code -1} = after half of it). */
  public static FaultSpec resetResponse(long afterBytes) {
    return new FaultSpec(Kind.RESET_RESPONSE, 0, null, afterBytes);
  }

  /** Response body cut short, then a normal close ({@code -1} = half). */
  public static FaultSpec truncate(long afterBytes) {
    return new FaultSpec(Kind.TRUNCATE, 0, null, afterBytes);
  }

  /** Wrong CRC-64 response header. */
  public static FaultSpec wrongCrc() {
    return new FaultSpec(Kind.WRONG_CRC, 0, null, 0);
  }

  /** No CRC-64 response header at all. */
  public static FaultSpec noCrc() {
    return new FaultSpec(Kind.NO_CRC, 0, null, 0);
  }

  /**
   * Parses the text form used by the admin endpoint and the CLI: {@code pass}, {@code 503:SlowDown}
   * (any status:code), {@code slowdown}, {@code unavailable}, {@code internal}, {@code
   * latency:200}, {@code reset} / {@code reset:100} (request), {@code reset-response[:n]}, {@code
   * truncate[:n]}, {@code wrongcrc}, {@code nocrc}.
   */
  public static FaultSpec parse(String text) {
    String t = text.trim();
    int colon = t.indexOf(':');
    String head = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
    String arg = colon < 0 ? null : t.substring(colon + 1);
    try {
      if (Character.isDigit(head.charAt(0))) {
        return error(Integer.parseInt(head), arg == null ? "InternalError" : arg);
      }
      switch (head) {
        case "pass":
          return pass();
        case "slowdown":
          return slowDown();
        case "unavailable":
          return serviceUnavailable();
        case "internal":
          return internalError();
        case "latency":
          return latency(Long.parseLong(arg));
        case "reset":
        case "reset-request":
          return resetRequest(arg == null ? -1 : Long.parseLong(arg));
        case "reset-response":
          return resetResponse(arg == null ? -1 : Long.parseLong(arg));
        case "truncate":
          return truncate(arg == null ? -1 : Long.parseLong(arg));
        case "wrongcrc":
        case "wrong-crc":
          return wrongCrc();
        case "nocrc":
        case "no-crc":
          return noCrc();
        default:
          break;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Bad fault '" + text + "': " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "Unknown fault '"
            + text
            + "'; use pass, <status>:<Code>, slowdown, unavailable, internal, latency:<ms>,"
            + " reset[:n], reset-response[:n], truncate[:n], wrongcrc or nocrc");
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status of an ERROR fault. */
  public int status() {
    return status;
  }

  /** Error code of an ERROR fault. */
  public String code() {
    return code;
  }

  /** Milliseconds of LATENCY, or the byte count of a cut (-1 = half). */
  public long amount() {
    return amount;
  }

  @Override
  public String toString() {
    switch (kind) {
      case ERROR:
        return status + ":" + code;
      case LATENCY:
        return "latency:" + amount;
      case RESET_REQUEST:
        return "reset:" + amount;
      case RESET_RESPONSE:
        return "reset-response:" + amount;
      case TRUNCATE:
        return "truncate:" + amount;
      case WRONG_CRC:
        return "wrongcrc";
      case NO_CRC:
        return "nocrc";
      default:
        return "pass";
    }
  }
}
