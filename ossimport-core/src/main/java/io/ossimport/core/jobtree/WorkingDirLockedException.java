package io.ossimport.core.jobtree;

/**
 * Another process (or another part of this one) holds the working directory's service lock; the
 * message names the lock file and the holder's PID.
 */
public final class WorkingDirLockedException extends JobTreeException {
  private static final long serialVersionUID = 1L;

  public WorkingDirLockedException(String message) {
    super(message);
  }
}
