package io.ossimport.core.jobtree;

/** What {@link JobTree#retry} moved back to pending. */
public final class RetryReport {
  private final long tasks;
  private final long objects;
  private final long addedObjects;
  private final long addedBytes;

  RetryReport(long tasks, long objects, long addedObjects, long addedBytes) {
    this.tasks = tasks;
    this.objects = objects;
    this.addedObjects = addedObjects;
    this.addedBytes = addedBytes;
  }

  /**
   * Objects the redo tasks hold beyond the failed entries they replace (the files of directories
   * listed again, less the directory entries): what the job's totals grow by.
   */
  public long addedObjects() {
    return addedObjects;
  }

  /** Bytes of {@link #addedObjects()}. */
  public long addedBytes() {
    return addedBytes;
  }

  /** Failed tasks replaced by a redo task in pending. */
  public long tasks() {
    return tasks;
  }

  /** Objects in those redo tasks. */
  public long objects() {
    return objects;
  }

  @Override
  public String toString() {
    return tasks + " tasks, " + objects + " objects";
  }
}
