package io.ossimport.core.worker;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running task, updated by its object threads. */
final class TaskCounters {
  final AtomicLong objectsDone = new AtomicLong();
  final AtomicLong bytesDone = new AtomicLong();
  final AtomicLong objectsSkipped = new AtomicLong();
  final AtomicLong bytesSkipped = new AtomicLong();
  final AtomicLong objectsFailed = new AtomicLong();
  final AtomicLong bytesFailed = new AtomicLong();

  void done(long bytes) {
    objectsDone.incrementAndGet();
    bytesDone.addAndGet(bytes);
  }

  void skipped(long bytes) {
    objectsSkipped.incrementAndGet();
    bytesSkipped.addAndGet(bytes);
  }

  void failed(long bytes) {
    objectsFailed.incrementAndGet();
    bytesFailed.addAndGet(bytes);
  }

  TaskStats snapshot() {
    return new TaskStats(
        objectsDone.get(),
        bytesDone.get(),
        objectsSkipped.get(),
        bytesSkipped.get(),
        objectsFailed.get(),
        bytesFailed.get());
  }
}
