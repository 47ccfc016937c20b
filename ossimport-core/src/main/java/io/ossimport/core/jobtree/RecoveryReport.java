package io.ossimport.core.jobtree;

/** What {@link JobTree#recover} repaired, for the service to log. */
public final class RecoveryReport {
  long requeuedTasks;
  long finishedCompletions;
  long finishedRetries;
  long committedStagedTasks;
  long discardedStagedTasks;
  long removedLeftovers;
  long removedWorkerDirs;

  /** Dispatched tasks moved back to pending (their worker progress kept). */
  public long requeuedTasks() {
    return requeuedTasks;
  }

  /** Dispatched entries removed because the task had already reached its final state. */
  public long finishedCompletions() {
    return finishedCompletions;
  }

  /** Failed tasks removed because their redo task had already been committed. */
  public long finishedRetries() {
    return finishedRetries;
  }

  /** Tasks whose checkpoint was written before the crash, moved into pending. */
  public long committedStagedTasks() {
    return committedStagedTasks;
  }

  /** Tasks written before a crash but never checkpointed; the scan writes them again. */
  public long discardedStagedTasks() {
    return discardedStagedTasks;
  }

  /** Temp and trash files or directories deleted. */
  public long removedLeftovers() {
    return removedLeftovers;
  }

  /** Worker directories of tasks that are no longer pending or dispatched. */
  public long removedWorkerDirs() {
    return removedWorkerDirs;
  }

  /** Whether nothing needed repair. */
  public boolean isClean() {
    return requeuedTasks
            + finishedCompletions
            + finishedRetries
            + committedStagedTasks
            + discardedStagedTasks
            + removedLeftovers
            + removedWorkerDirs
        == 0;
  }

  void add(RecoveryReport other) {
    requeuedTasks += other.requeuedTasks;
    finishedCompletions += other.finishedCompletions;
    finishedRetries += other.finishedRetries;
    committedStagedTasks += other.committedStagedTasks;
    discardedStagedTasks += other.discardedStagedTasks;
    removedLeftovers += other.removedLeftovers;
    removedWorkerDirs += other.removedWorkerDirs;
  }

  @Override
  public String toString() {
    return "requeued="
        + requeuedTasks
        + " finishedCompletions="
        + finishedCompletions
        + " finishedRetries="
        + finishedRetries
        + " committedStaged="
        + committedStagedTasks
        + " discardedStaged="
        + discardedStagedTasks
        + " leftovers="
        + removedLeftovers
        + " workerDirs="
        + removedWorkerDirs;
  }
}
