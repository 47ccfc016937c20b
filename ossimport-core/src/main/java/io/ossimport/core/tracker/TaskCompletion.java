package io.ossimport.core.tracker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskStatus;
import java.io.IOException;

/**
 * Moves a task the worker finished into succeed_tasks or failed_tasks and adds its counts to the
 * JOB record exactly once: the counts and a ledger entry naming the task are written in one atomic
 * JOB update, then the task is completed, then the entry goes. If completion fails (or the process
 * dies before it), the entry lets the counts be taken back, so a task that runs again is not
 * counted twice. Tasks of one job complete in parallel; only the JOB updates are serialized.
 */
final class TaskCompletion {
  private final JobTree tree;
  private final ImportListener events;

  TaskCompletion(JobTree tree, ImportListener events) {
    this.tree = tree;
    this.events = events;
  }

  /** Counts and completes one task, then logs one line about it. */
  TaskRef complete(TrackedJob job, TaskId id, String worker, TaskOutcome outcome)
      throws IOException {
    final TaskTally tally = TaskTally.of(tree, job.name, id, worker, outcome);
    tree.updateJob(
        job.name,
        r ->
            r.withCounters(tally.applyTo(r.counters(), 1))
                .withCountLedger(tally.addTo(r.countLedger())));
    TaskRef done;
    try {
      done = tree.complete(job.name, id, worker, outcome);
    } catch (IOException | RuntimeException e) {
      JobCounting.takeBack(tree, job.name, tally);
      throw e;
    }
    tree.updateJob(job.name, r -> r.withCountLedger(tally.removeFrom(r.countLedger())));
    if (outcome.status() == TaskStatus.FAILED) {
      job.failedCompletions.incrementAndGet();
    }
    log(job.name, done, tally, outcome);
    return done;
  }

  private void log(String job, TaskRef done, TaskTally tally, TaskOutcome outcome) {
    long objects = tally.doneObjects + tally.failedObjects;
    long bytes = tally.doneBytes + tally.failedBytes;
    String counts =
        objects
            + " objects, "
            + bytes
            + " bytes"
            + (tally.skippedObjects > 0 ? ", " + tally.skippedObjects + " skipped" : "");
    if (outcome.status() == TaskStatus.COMPLETED) {
      Events.log(
          events, ImportEvent.Level.INFO, job, "task " + done.id() + " Completed: " + counts);
    } else {
      Events.log(
          events,
          ImportEvent.Level.WARN,
          job,
          "task "
              + done.id()
              + " Failed: "
              + tally.failedObjects
              + " of "
              + objects
              + " objects failed ("
              + counts
              + "); the reasons are in "
              + tree.taskDirectory(job, done)
              + "/audit.log and error.list");
    }
  }
}
