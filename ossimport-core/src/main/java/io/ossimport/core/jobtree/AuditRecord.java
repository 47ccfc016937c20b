package io.ossimport.core.jobtree;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code audit.log}: one attempt at one object. {@code reason} and {@code crc64} may be
 * {@code null} (written as {@code -}).
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

  public AuditRecord(
      Instant time,
      AuditResult result,
      ReasonCode reason,
      long size,
      Long crc64,
      long durationMillis,
      int attempt,
      String destination) {
    this.time = Objects.requireNonNull(time, "time");
    this.result = Objects.requireNonNull(result, "result");
    this.reason = reason;
    this.size = size;
    this.crc64 = crc64;
    this.durationMillis = durationMillis;
    this.attempt = attempt;
    this.destination = Objects.requireNonNull(destination, "destination");
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
        && r.destination.equals(destination);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, result, reason, size, crc64, durationMillis, attempt, destination);
  }

  @Override
  public String toString() {
    return AuditLog.format(this);
  }
}
