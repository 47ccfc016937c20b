package io.ossimport.core.api;

import java.nio.file.Path;

/**
 * The ossimport service (or a {@code clean}) holds the working directory's lock, so the operation
 * was refused: a second {@code start}, or {@code clean} while the service runs. The message names
 * the lock file and the holder's PID; the remedy is {@link Remedy#STOP_SERVICE}.
 */
public final class ServiceRunningException extends OssImportException {
  private static final long serialVersionUID = 1L;

  private final transient Path lockFile;
  private final long pid;

  public ServiceRunningException(String message, Path lockFile, long pid) {
    super(message, Remedy.STOP_SERVICE);
    this.lockFile = lockFile;
    this.pid = pid;
  }

  /** The lock file that is held. */
  public Path lockFile() {
    return lockFile;
  }

  /** The PID of the process holding it, or -1 when the lock file does not say. */
  public long pid() {
    return pid;
  }
}
