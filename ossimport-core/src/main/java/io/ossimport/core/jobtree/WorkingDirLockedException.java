package io.ossimport.core.jobtree;

import java.nio.file.Path;

/**
 * Another process (or another part of this one) holds the working directory's service lock; the
 * message names the lock file and the holder's PID, which are also available as values.
 */
public final class WorkingDirLockedException extends JobTreeException {
  private static final long serialVersionUID = 1L;

  private final transient Path lockFile;
  private final long pid;

  public WorkingDirLockedException(String message) {
    this(message, null, -1);
  }

  /**
   * @param lockFile the lock file that is held
   * @param pid the holder's PID, or -1 when the lock file does not say
   */
  public WorkingDirLockedException(String message, Path lockFile, long pid) {
    super(message);
    this.lockFile = lockFile;
    this.pid = pid;
  }

  /** The lock file, or {@code null} if unknown. */
  public Path lockFile() {
    return lockFile;
  }

  /** The PID of the process holding the lock, or -1 when unknown. */
  public long pid() {
    return pid;
  }
}
