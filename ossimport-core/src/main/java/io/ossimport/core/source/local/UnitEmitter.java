package io.ossimport.core.source.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Collects one unit's entries into batches for the shared bounded queue; blocks when the consumer
 * falls behind, which is what bounds memory.
 *
 * <p>A full batch is sent only when the next entry arrives, so the batch that carries {@code last}
 * is never empty, and a unit with no entries sends nothing at all.
 */
final class UnitEmitter {
  static final int BATCH_SIZE = 256;

  private final UnitState unit;
  private final BlockingQueue<Batch> queue;
  private List<ScanItem> buffer = new ArrayList<>();
  private boolean emitted;

  UnitEmitter(UnitState unit, BlockingQueue<Batch> queue) {
    this.unit = unit;
    this.queue = queue;
  }

  void emit(ScanItem item) throws InterruptedException {
    if (buffer.size() == BATCH_SIZE) {
      queue.put(new Batch(unit, buffer, false));
      buffer = new ArrayList<>(BATCH_SIZE);
    }
    buffer.add(item);
    emitted = true;
  }

  /** Sends the last batch; returns whether the unit had any entries. */
  boolean finish() throws InterruptedException {
    if (!buffer.isEmpty()) {
      queue.put(new Batch(unit, buffer, true));
      buffer = null;
    }
    return emitted;
  }
}
