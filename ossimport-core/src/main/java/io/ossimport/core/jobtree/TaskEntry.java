package io.ossimport.core.jobtree;

import java.util.Objects;

/**
 * One object of a task: where it comes from, where it goes, and what the scan saw.
 *
 * <p>The source reference is opaque here (a path relative to the source root, a URL, a key); a name
 * that is not valid UTF-8 is carried as {@link RawNames} decodes it. Size and mtime are what the
 * scan saw, so the worker can tell a source that changed ({@code -1} = unknown, for sources that
 * cannot tell). {@code attempt} is 1 for the first pass and grows with each {@code retry}.
 */
public final class TaskEntry {
  private final String source;
  private final String destination;
  private final long size;
  private final long mtimeMillis;
  private final int attempt;

  public TaskEntry(String source, String destination, long size, long mtimeMillis, int attempt) {
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    if (size < -1) {
      throw new IllegalArgumentException("size " + size + " of " + source + " is negative");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt " + attempt + " of " + source + " is below 1");
    }
    this.size = size;
    this.mtimeMillis = mtimeMillis;
    this.attempt = attempt;
  }

  /** A first-attempt entry. */
  public static TaskEntry of(String source, String destination, long size, long mtimeMillis) {
    return new TaskEntry(source, destination, size, mtimeMillis, 1);
  }

  public String source() {
    return source;
  }

  public String destination() {
    return destination;
  }

  /** Size in bytes as scanned, or -1 if unknown. */
  public long size() {
    return size;
  }

  /** Last modification as scanned, epoch millis, or -1 if unknown. */
  public long mtimeMillis() {
    return mtimeMillis;
  }

  /** 1 for the first pass, +1 for each retry of this object. */
  public int attempt() {
    return attempt;
  }

  /** The same object for its next attempt. */
  public TaskEntry nextAttempt() {
    return new TaskEntry(source, destination, size, mtimeMillis, attempt + 1);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskEntry)) {
      return false;
    }
    TaskEntry e = (TaskEntry) o;
    return e.source.equals(source)
        && e.destination.equals(destination)
        && e.size == size
        && e.mtimeMillis == mtimeMillis
        && e.attempt == attempt;
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, destination, size, mtimeMillis, attempt);
  }

  @Override
  public String toString() {
    return NameCodec.escape(source)
        + " -> "
        + NameCodec.escape(destination)
        + " ("
        + size
        + " bytes, attempt "
        + attempt
        + ")";
  }
}
