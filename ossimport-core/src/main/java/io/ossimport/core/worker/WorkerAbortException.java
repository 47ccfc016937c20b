package io.ossimport.core.worker;

import java.io.IOException;

/**
 * Thrown by {@link Worker#runTask} when the job is to be set to {@code Abort}: an object met an
 * unexpected exception (a bug, not a classified failure) and {@code
 * workerAbortWhenUncatchedException=true}, or the destination does not work (a run of failures that
 * are the destination's, not the objects': see {@link DestinationHealth}). The task's in-flight
 * objects have finished; the task stays dispatched with its progress recorded. The message names
 * the object or the destination's failure and what to fix; the cause is the unexpected exception,
 * if any.
 */
public final class WorkerAbortException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String destinationKey;

  WorkerAbortException(String destinationKey, String message, Throwable cause) {
    super(message, cause);
    this.destinationKey = destinationKey;
  }

  /** The destination key of the object that met the exception; null for the destination's. */
  public String destinationKey() {
    return destinationKey;
  }
}
