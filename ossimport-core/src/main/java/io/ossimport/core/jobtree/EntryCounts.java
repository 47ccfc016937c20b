package io.ossimport.core.jobtree;

/**
 * What one run of a task counted of its TASK entries, each entry once and by the size the scan
 * wrote: done (uploaded or skipped on purpose, in this run or in an earlier one its progress log
 * records), of those the skipped ones, and failed. The worker counts them as it writes the progress
 * and audit lines, so that the tracker need not read those files again when the task completes; the
 * files stay the crash-safe record a resumed run counts from. Immutable.
 */
public final class EntryCounts {
  private final long doneObjects;
  private final long doneBytes;
  private final long skippedObjects;
  private final long skippedBytes;
  private final long failedObjects;
  private final long failedBytes;

  public EntryCounts(
      long doneObjects,
      long doneBytes,
      long skippedObjects,
      long skippedBytes,
      long failedObjects,
      long failedBytes) {
    this.doneObjects = doneObjects;
    this.doneBytes = doneBytes;
    this.skippedObjects = skippedObjects;
    this.skippedBytes = skippedBytes;
    this.failedObjects = failedObjects;
    this.failedBytes = failedBytes;
  }

  /** Entries uploaded or skipped on purpose. */
  public long doneObjects() {
    return doneObjects;
  }

  public long doneBytes() {
    return doneBytes;
  }

  /** Of the done entries, those skipped on purpose. */
  public long skippedObjects() {
    return skippedObjects;
  }

  public long skippedBytes() {
    return skippedBytes;
  }

  public long failedObjects() {
    return failedObjects;
  }

  public long failedBytes() {
    return failedBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntryCounts)) {
      return false;
    }
    EntryCounts c = (EntryCounts) o;
    return c.doneObjects == doneObjects
        && c.doneBytes == doneBytes
        && c.skippedObjects == skippedObjects
        && c.skippedBytes == skippedBytes
        && c.failedObjects == failedObjects
        && c.failedBytes == failedBytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(
        ((((doneObjects * 31 + doneBytes) * 31 + skippedObjects) * 31 + skippedBytes) * 31
                    + failedObjects)
                * 31
            + failedBytes);
  }

  @Override
  public String toString() {
    return "done "
        + doneObjects
        + "/"
        + doneBytes
        + "B, skipped "
        + skippedObjects
        + "/"
        + skippedBytes
        + "B, failed "
        + failedObjects
        + "/"
        + failedBytes
        + "B";
  }
}
