package io.ossimport.core.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running task, updated by its object threads: finished objects, and the bytes
 * each object in flight has sent so far (parts OSS confirmed plus what the open requests have read
 * from the source), so that progress moves while a large object uploads. The sent bytes live only
 * in memory: they are progress for people, and a crash loses nothing a resumed run needs (its
 * confirmed parts are in the multipart record).
 */
final class TaskCounters {
  private final ConcurrentHashMap<Integer, AtomicLong> sending = new ConcurrentHashMap<>();

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

  /** The sent-bytes counter of entry {@code index}, created at zero. */
  AtomicLong sending(int index) {
    return sending.computeIfAbsent(index, i -> new AtomicLong());
  }

  /**
   * The object ended (its DONE or FAILED is in the progress log, or it stopped): its bytes are no
   * longer in flight. Called after the progress log line, so a reader that takes {@link
   * #sendingSnapshot} before it reads the log never misses an object nor counts it twice.
   */
  void ended(int index) {
    sending.remove(index);
  }

  /** Bytes sent so far per entry in flight. */
  Map<Integer, Long> sendingSnapshot() {
    Map<Integer, Long> copy = new HashMap<>();
    for (Map.Entry<Integer, AtomicLong> e : sending.entrySet()) {
      copy.put(e.getKey(), e.getValue().get());
    }
    return copy;
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
