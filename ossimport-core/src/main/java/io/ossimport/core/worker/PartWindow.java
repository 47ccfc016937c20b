package io.ossimport.core.worker;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the parts of one large object on the worker's shared part pool, at most {@code width} at
 * once ({@code uploadThreadNumPerLargeFile}). The first failure, or a stop, lets no further part
 * start; {@link #finish} waits for the parts in flight and rethrows that failure.
 */
final class PartWindow {
  /** The upload of one part. */
  interface Part {
    void run() throws Exception;
  }

  private final ExecutorService pool;
  private final StopSignal stop;
  private final int width;
  private final Semaphore slots;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  PartWindow(ExecutorService pool, StopSignal stop, int width) {
    this.pool = pool;
    this.stop = stop;
    this.width = Math.max(1, width);
    this.slots = new Semaphore(this.width);
  }

  /**
   * Starts {@code part} once a slot is free.
   *
   * @return false if it was not started because a part failed or the task stops
   */
  boolean start(Part part) {
    slots.acquireUninterruptibly();
    if (failure.get() != null || stop.isRequested()) {
      slots.release();
      return false;
    }
    try {
      pool.execute(
          () -> {
            try {
              part.run();
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              slots.release();
            }
          });
      return true;
    } catch (RejectedExecutionException e) { // the worker is closing
      slots.release();
      failure.compareAndSet(null, new StoppedException());
      return false;
    }
  }

  /** Waits until no part is in flight, then rethrows the first failure, if any. */
  void finish() throws ObjectFailedException, StoppedException, IOException {
    slots.acquireUninterruptibly(width);
    slots.release(width);
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof ObjectFailedException) {
      throw (ObjectFailedException) t;
    }
    if (t instanceof StoppedException) {
      throw (StoppedException) t;
    }
    if (t instanceof IOException) {
      throw (IOException) t;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }
}
