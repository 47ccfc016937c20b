package io.ossimport.core.worker;

import io.ossimport.core.jobtree.TaskEntry;

/** One object of a running task: its entry, its index in the TASK and what is known of it. */
final class ObjectContext {
  final int index;
  final TaskEntry entry;
  final long startNanos = System.nanoTime();

  /** The size to report: the scanned size until the source is looked up, then the current one. */
  volatile long size;

  ObjectContext(int index, TaskEntry entry) {
    this.index = index;
    this.entry = entry;
    this.size = Math.max(entry.size(), 0);
  }

  String key() {
    return entry.destination();
  }

  String reference() {
    return entry.source();
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000L;
  }
}
