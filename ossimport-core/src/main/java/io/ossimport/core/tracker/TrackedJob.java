package io.ossimport.core.tracker;

import io.ossimport.core.api.TransferRate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the tracker remembers about one job between ticks. The job's tasks are opened by the tracker
 * thread, used by task threads, and closed by the tracker thread once nothing of the job runs.
 */
final class TrackedJob {
  final String name;

  final AtomicInteger running = new AtomicInteger();

  /** Failed completions by task threads, to tell a retry (fewer failed tasks) from growth. */
  final AtomicLong failedCompletions = new AtomicLong();

  volatile TaskRunner.JobTasks tasks;
  volatile long pausedUntilMillis;
  long knownFailedTasks = -1;
  long failedCompletionsSeen;
  long lastProgressMillis;

  /** The job's rate over the progress events' samples, stamped on each event. */
  final TransferRate rate = new TransferRate();

  /** An incremental job waiting for its next round whose snapshot has been emitted once. */
  boolean quietBetweenRounds;

  TrackedJob(String name) {
    this.name = name;
  }

  boolean isPaused(long nowMillis) {
    return nowMillis < pausedUntilMillis;
  }

  void closeTasks() {
    TaskRunner.JobTasks open = tasks;
    tasks = null;
    if (open != null) {
      open.close();
    }
  }
}
