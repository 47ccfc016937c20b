package io.ossimport.core.tracker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tracker's task threads: each runs one dispatched task in the worker, then completes it; any
 * other end (stop, I/O error, abort) sends the task back to pending. A stop interrupts only threads
 * inside the worker ({@link TaskGate}).
 */
final class TaskThreads {
  static final long PAUSE_AFTER_IO_ERROR_MILLIS = 5_000;

  private final JobTree tree;
  private final ImportListener events;
  private final String worker;
  private final int size;
  private final TaskCompletion completion;
  private final TaskGate gate = new TaskGate();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService pool;

  TaskThreads(JobTree tree, ImportListener events, String worker, int size) {
    this.tree = tree;
    this.events = events;
    this.worker = worker;
    this.size = Math.max(1, size);
    this.completion = new TaskCompletion(tree, events);
    final AtomicInteger threadNumber = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            this.size,
            r -> {
              Thread t = new Thread(r, "ossimport-task-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Whether a thread is free for one more task. */
  boolean hasRoom() {
    return inFlight.get() < size;
  }

  /** Runs a task just dispatched to the worker; {@code ended} is called when it is over. */
  void start(TrackedJob job, TaskId id, Runnable ended) {
    job.running.incrementAndGet();
    inFlight.incrementAndGet();
    pool.execute(() -> run(job, id, ended));
  }

  /** No task starts any more; tasks inside the worker are interrupted. */
  void stop() {
    gate.closeAndInterrupt();
  }

  /** Stops, then waits until every task thread has returned (they must not be abandoned). */
  void stopAndAwait() {
    stop();
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.HOURS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(TrackedJob job, TaskId id, Runnable ended) {
    try {
      TaskOutcome outcome;
      gate.enter();
      try {
        outcome = job.tasks.run(id, worker);
      } finally {
        gate.leave();
      }
      completion.complete(job, id, worker, outcome);
    } catch (TaskRunner.AbortJobException e) {
      requeue(job, id, ImportEvent.Level.ERROR, "task " + id + ": " + e.getMessage());
      // The worker's message is the cause (the object's bug, the destination's answer): stat shows
      // it as the abort reason, so it does not repeat which task happened to report it.
      JobAbort.record(tree, events, job.name, e.getMessage());
    } catch (InterruptedException e) {
      requeue(
          job,
          id,
          ImportEvent.Level.DEBUG,
          "task " + id + " stopped; it resumes at the next start");
    } catch (IOException e) {
      job.pausedUntilMillis = System.currentTimeMillis() + PAUSE_AFTER_IO_ERROR_MILLIS;
      requeue(
          job,
          id,
          ImportEvent.Level.ERROR,
          "task " + id + " could not run: " + e + "; it goes back to pending");
    } catch (RuntimeException e) {
      requeue(job, id, ImportEvent.Level.ERROR, "task " + id + " hit an unexpected error: " + e);
      JobAbort.record(tree, events, job.name, "the worker gave up on task " + id + ": " + e);
    } finally {
      job.running.decrementAndGet();
      inFlight.decrementAndGet();
      ended.run();
    }
  }

  private void requeue(TrackedJob job, TaskId id, ImportEvent.Level level, String message) {
    Events.log(events, level, job.name, message);
    try {
      tree.requeue(job.name, id, worker);
    } catch (IOException e) {
      Events.log(
          events,
          ImportEvent.Level.ERROR,
          job.name,
          "task " + id + " stays dispatched until the next start: " + e);
    }
  }
}
