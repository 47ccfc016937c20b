package io.ossimport.core.jobtree;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code audit.log}: one attempt at one object. {@code reason} and {@code crc64} may be
 * {@code null} (written as {@code -}); {@code cause} is what the server said about a failed or
 * retried attempt ({@link FailureCause#NONE} otherwise).
 */
public final class AuditRecord {
  private final Instant time;
  private final AuditResult result;
  private final ReasonCode reason;
  private final long size;
  private final Long crc64;
  private final long durationMillis;
  private final int attempt;
  private final String destination;
  private final FailureCause cause;

  public AuditRecord(
      Instant time,
      AuditResult result,
      ReasonCode reason,
      long size,
      Long crc64,
      long durationMillis,
      int attempt,
      String destination) {
    this(time, result, reason, size, crc64, durationMillis, attempt, destination, null);
  }

  public AuditRecord(
      Instant time,
      AuditResult result,
      ReasonCode reason,
      long size,
      Long crc64,
      long durationMillis,
      int attempt,
      String destination,
      FailureCause cause) {
    this.time = Objects.requireNonNull(time, "time");
    this.result = Objects.requireNonNull(result, "result");
    this.reason = reason;
    this.size = size;
    this.crc64 = crc64;
    this.durationMillis = durationMillis;
    this.attempt = attempt;
    this.destination = Objects.requireNonNull(destination, "destination");
    this.cause = cause == null ? FailureCause.NONE : cause;
  }

  public Instant time() {
    return time;
  }

  public AuditResult result() {
    return result;
  }

  public ReasonCode reason() {
    return reason;
  }

  public long size() {
    return size;
  }

  /** Unsigned CRC-64/ECMA, or {@code null}. */
  public Long crc64() {
    return crc64;
  }

  public long durationMillis() {
    return durationMillis;
  }

  public int attempt() {
    return attempt;
  }

  public String destination() {
    return destination;
  }

  /** The OSS error code, message and request id; {@link FailureCause#NONE} in an old line. */
  public FailureCause cause() {
    return cause;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AuditRecord)) {
      return false;
    }
    AuditRecord r = (AuditRecord) o;
    return r.time.equals(time)
        && r.result == result
        && r.reason == reason
        && r.size == size
        && Objects.equals(r.crc64, crc64)
        && r.durationMillis == durationMillis
        && r.attempt == attempt
        && r.destination.equals(destination)
        && r.cause.equals(cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        time, result, reason, size, crc64, durationMillis, attempt, destination, cause);
  }

  @Override
  public String toString() {
    return AuditLog.format(this);
  }
}
