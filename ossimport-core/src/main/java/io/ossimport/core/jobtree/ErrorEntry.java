package io.ossimport.core.jobtree;

import java.util.Objects;

/** One line of {@code error.list}: an object that failed and why. */
public final class ErrorEntry {
  private final ReasonCode reason;
  private final String source;
  private final String destination;

  public ErrorEntry(ReasonCode reason, String source, String destination) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
  }

  /** The entry for a failed task entry. */
  public static ErrorEntry of(ReasonCode reason, TaskEntry entry) {
    return new ErrorEntry(reason, entry.source(), entry.destination());
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
    return reason + " " + NameCodec.escape(source) + " -> " + NameCodec.escape(destination);
  }
}
