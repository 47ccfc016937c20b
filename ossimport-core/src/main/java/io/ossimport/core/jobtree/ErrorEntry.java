package io.ossimport.core.jobtree;

import java.util.Objects;

/**
 * One line of {@code error.list}: an object that failed, why ({@link #reason()}), and what the
 * server said ({@link #cause()}). Equality is the object and the reason; the cause is what one
 * attempt was told and does not make another entry.
 */
public final class ErrorEntry {
  private final ReasonCode reason;
  private final String source;
  private final String destination;
  private final FailureCause cause;

  public ErrorEntry(ReasonCode reason, String source, String destination) {
    this(reason, source, destination, FailureCause.NONE);
  }

  public ErrorEntry(ReasonCode reason, String source, String destination, FailureCause cause) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.cause = cause == null ? FailureCause.NONE : cause;
  }

  /** The entry for a failed task entry. */
  public static ErrorEntry of(ReasonCode reason, TaskEntry entry) {
    return new ErrorEntry(reason, entry.source(), entry.destination());
  }

  /** The entry for a failed task entry, with what the server said. */
  public static ErrorEntry of(ReasonCode reason, FailureCause cause, TaskEntry entry) {
    return new ErrorEntry(reason, entry.source(), entry.destination(), cause);
  }

  public ReasonCode reason() {
    return reason;
  }

  public String source() {
    return source;
  }

  public String destination() {
    return destination;
  }

  /** The OSS error code, message and request id; {@link FailureCause#NONE} in an old line. */
  public FailureCause cause() {
    return cause;
  }

  /** Whether this line names {@code entry} (same source and destination). */
  public boolean names(TaskEntry entry) {
    return source.equals(entry.source()) && destination.equals(entry.destination());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorEntry
        && ((ErrorEntry) o).reason == reason
        && ((ErrorEntry) o).source.equals(source)
        && ((ErrorEntry) o).destination.equals(destination);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, source, destination);
  }

  @Override
  public String toString() {
    return reason
        + " "
        + NameCodec.escape(source)
        + " -> "
        + NameCodec.escape(destination)
        + (cause.isEmpty() ? "" : " (" + cause + ")");
  }
}
