package io.ossimport.core.api;

/** What {@link OssImport#retry} moved back to pending. */
public final class RetryResult {
  private final String jobName;
  private final int tasksRequeued;
  private final long objectsToRedo;

  public RetryResult(String jobName, int tasksRequeued, long objectsToRedo) {
    this.jobName = jobName;
    this.tasksRequeued = tasksRequeued;
    this.objectsToRedo = objectsToRedo;
  }

  public String jobName() {
    return jobName;
  }

  /** Failed tasks replaced by a task in pending holding only their failed objects; 0: none. */
  public int tasksRequeued() {
    return tasksRequeued;
  }

  /** Objects in those tasks, to be sent again. */
  public long objectsToRedo() {
    return objectsToRedo;
  }

  @Override
  public String toString() {
    return jobName + ": " + tasksRequeued + " tasks, " + objectsToRedo + " objects to redo";
  }
}
