package io.ossimport.core.api;

/**
 * Progress of one running task: bytes and objects done out of the task's totals, printed by {@code
 * stat} as {@code <taskId>:<doneBytes>/<totalBytes> <doneObjects>/<totalObjects>}. The done bytes
 * are those of the finished objects plus what the objects in flight have sent: the confirmed parts
 * of a multipart upload, and, when a live service reads it, the bytes of the requests in flight.
 */
public final class TaskProgress {
  private final String taskId;
  private final long doneBytes;
  private final long totalBytes;
  private final long doneObjects;
  private final long totalObjects;

  /** Creates a progress snapshot; done values never exceed the totals. */
  public TaskProgress(
      String taskId, long doneBytes, long totalBytes, long doneObjects, long totalObjects) {
    this.taskId = taskId;
    this.doneBytes = doneBytes;
    this.totalBytes = totalBytes;
    this.doneObjects = doneObjects;
    this.totalObjects = totalObjects;
  }

  public String taskId() {
    return taskId;
  }

  public long doneBytes() {
    return doneBytes;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public long doneObjects() {
    return doneObjects;
  }

  public long totalObjects() {
    return totalObjects;
  }

  @Override
  public String toString() {
    return taskId + ":" + doneBytes + "/" + totalBytes + " " + doneObjects + "/" + totalObjects;
  }
}
