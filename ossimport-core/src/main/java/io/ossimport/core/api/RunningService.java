package io.ossimport.core.api;

/**
 * The ossimport service (master, tracker and worker) started in this JVM by {@link
 * OssImport#start()}. It holds the working directory's lock until it stops.
 */
public interface RunningService extends AutoCloseable {
  /**
   * Waits until the job is {@code Succeed}, {@code Failed} or {@code Abort} (scan finished, nothing
   * pending or running), the service stops, or the timeout passes; returns the last snapshot in
   * every case.
   *
   * @throws JobConflictException if there is no job of that name
   */
  JobStatus awaitJob(String jobName, long timeoutMillis)
      throws InterruptedException, OssImportException;

  /**
   * Stops gracefully: no new task starts, objects in flight finish or are recorded so that the next
   * start resumes them, running tasks go back to pending. Returns when stopped.
   */
  void stop() throws InterruptedException;

  /**
   * Blocks until stopped: by {@link #stop()}, by {@link OssImport#stop} from any process, or by a
   * fatal error.
   */
  void awaitStopped() throws InterruptedException;

  /** Whether the service still runs. */
  boolean isRunning();

  /** {@link #stop()}, swallowing an interrupt (the thread's interrupt flag is set again). */
  @Override
  void close();
}
