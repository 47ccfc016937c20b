package io.ossimport.core.worker;

import io.ossimport.core.jobtree.EntryCounts;
import io.ossimport.core.jobtree.TaskEntry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The task's entries counted as they end, for its {@link EntryCounts}: by the size the scan wrote
 * (the JOB totals' size, not the one the object had when it was sent), whether they ended in this
 * run or in an earlier one that the progress log records. Only memory: a crash loses it, and the
 * resumed run counts again from the progress log. Object threads share it without a lock.
 */
final class EndedEntries {
  private final AtomicLong doneObjects = new AtomicLong();
  private final AtomicLong doneBytes = new AtomicLong();
  private final AtomicLong skippedObjects = new AtomicLong();
  private final AtomicLong skippedBytes = new AtomicLong();
  private final AtomicLong failedObjects = new AtomicLong();
  private final AtomicLong failedBytes = new AtomicLong();

  void uploaded(TaskEntry entry) {
    doneObjects.incrementAndGet();
    doneBytes.addAndGet(size(entry));
  }

  /** Skipped on purpose: done, and skipped. */
  void skipped(TaskEntry entry) {
    uploaded(entry);
    skippedObjects.incrementAndGet();
    skippedBytes.addAndGet(size(entry));
  }

  void failed(TaskEntry entry) {
    failedObjects.incrementAndGet();
    failedBytes.addAndGet(size(entry));
  }

  /** The counts so far; complete once every entry has ended. */
  EntryCounts counts() {
    return new EntryCounts(
        doneObjects.get(),
        doneBytes.get(),
        skippedObjects.get(),
        skippedBytes.get(),
        failedObjects.get(),
        failedBytes.get());
  }

  private static long size(TaskEntry entry) {
    return Math.max(0, entry.size());
  }
}
