package io.ossimport.core.jobtree;

/** What {@link JobTree#retry} moved back to pending. */
public final class RetryReport {
  private final long tasks;
  private final long objects;

  RetryReport(long tasks, long objects) {
    this.tasks = tasks;
    this.objects = objects;
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
