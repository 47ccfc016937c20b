package io.ossimport.core.worker;

import java.io.IOException;

/**
 * Thrown by {@link Worker#runTask} when an object met an unexpected exception (a bug, not a
 * classified failure) and {@code workerAbortWhenUncatchedException=true}: the engine sets the job
 * to {@code Abort}. The task's in-flight objects have finished; the task stays dispatched with its
 * progress recorded. The message names the object; the cause is the unexpected exception.
 */
public final class WorkerAbortException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String destinationKey;

  WorkerAbortException(String destinationKey, String message, Throwable cause) {
    super(message, cause);
    this.destinationKey = destinationKey;
  }

  /** The destination key of the object that met the exception. */
  public String destinationKey() {
    return destinationKey;
  }
}
