package io.ossimport.core.worker;

/**
 * Objects and bytes of a running task so far, for {@code stat}: uploaded (done), skipped and
 * failed, including those a previous run of the task recorded in its progress log. The same numbers
 * can be derived by anyone from the task's {@code audit.log}.
 */
public final class TaskStats {
  private final long objectsDone;
  private final long bytesDone;
  private final long objectsSkipped;
  private final long bytesSkipped;
  private final long objectsFailed;
  private final long bytesFailed;

  TaskStats(
      long objectsDone,
      long bytesDone,
      long objectsSkipped,
      long bytesSkipped,
      long objectsFailed,
      long bytesFailed) {
    this.objectsDone = objectsDone;
    this.bytesDone = bytesDone;
    this.objectsSkipped = objectsSkipped;
    this.bytesSkipped = bytesSkipped;
    this.objectsFailed = objectsFailed;
    this.bytesFailed = bytesFailed;
  }

  public long objectsDone() {
    return objectsDone;
  }

  public long bytesDone() {
    return bytesDone;
  }

  public long objectsSkipped() {
    return objectsSkipped;
  }

  public long bytesSkipped() {
    return bytesSkipped;
  }

  public long objectsFailed() {
    return objectsFailed;
  }

  public long bytesFailed() {
    return bytesFailed;
  }

  @Override
  public String toString() {
    return "TaskStats{done="
        + objectsDone
        + "/"
        + bytesDone
        + "B, skipped="
        + objectsSkipped
        + "/"
        + bytesSkipped
        + "B, failed="
        + objectsFailed
        + "/"
        + bytesFailed
        + "B}";
  }
}
