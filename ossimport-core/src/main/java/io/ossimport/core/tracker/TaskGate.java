package io.ossimport.core.tracker;

import java.util.HashSet;
import java.util.Set;

/**
 * Lets a stop interrupt task threads only while they are inside the worker: a thread interrupted
 * while it completes a task would have its file channels closed under it ({@code
 * ClosedByInterruptException}) halfway through a job-tree move.
 */
final class TaskGate {
  private final Set<Thread> inWorker = new HashSet<>();
  private boolean closed;

  /**
   * The calling thread enters the worker.
   *
   * @throws InterruptedException if the gate is closed (a stop began): the task must not start
   */
  synchronized void enter() throws InterruptedException {
    if (closed) {
      throw new InterruptedException("the tracker is stopping");
    }
    inWorker.add(Thread.currentThread());
  }

  /** The calling thread left the worker; clears an interrupt that arrived too late to matter. */
  synchronized void leave() {
    inWorker.remove(Thread.currentThread());
    Thread.interrupted();
  }

  /** Closes the gate and interrupts every thread inside the worker. */
  synchronized void closeAndInterrupt() {
    closed = true;
    for (Thread t : inWorker) {
      t.interrupt();
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
