package io.ossimport.core.tracker;

import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the JOB record's counters true to the tree across crashes and retries:
 *
 * <ul>
 *   <li>totals come from the newest scan checkpoint, which is written together with each task;
 *   <li>done and skipped counts are added per completed task, with a ledger that undoes the counts
 *       of a task whose completion a crash prevented;
 *   <li>failed counts are recounted from {@code failed_tasks} whenever a retry may have removed
 *       some.
 * </ul>
 *
 * Each method reads at most one task's worth of data at a time.
 */
public final class JobCounting {
  private JobCounting() {}

  /**
   * Undoes the counts of every task the JOB record's ledger names that did not reach a final state
   * (the process died, or {@code complete} failed, after counting it), then empties the ledger. Run
   * under the service lock before tasks run.
   *
   * @return how many tasks' counts were taken back
   */
  public static int reconcileLedger(JobTree tree, String job) throws IOException {
    JobRecord record = tree.readJob(job);
    if (record.countLedger().isEmpty()) {
      return 0;
    }
    final List<TaskTally> undo = new ArrayList<>();
    for (TaskTally t : TaskTally.parseLedger(record.countLedger())) {
      if (!isFinished(tree, job, t.taskId)) {
        undo.add(t);
      }
    }
    tree.updateJob(
        job,
        r -> {
          JobCounters c = r.counters();
          for (TaskTally t : undo) {
            c = t.applyTo(c, -1);
          }
          return r.withCounters(c).withCountLedger("");
        });
    return undo.size();
  }

  /**
   * Takes back one task's counts after its completion failed in this process (unless it did reach a
   * final state after all), and drops its ledger entry.
   */
  static void takeBack(JobTree tree, String job, final TaskTally tally) throws IOException {
    final boolean undo = !isFinished(tree, job, tally.taskId);
    tree.updateJob(
        job,
        r ->
            (undo ? r.withCounters(tally.applyTo(r.counters(), -1)) : r)
                .withCountLedger(tally.removeFrom(r.countLedger())));
  }

  /** Whether the task is in succeed_tasks or failed_tasks. */
  static boolean isFinished(JobTree tree, String job, TaskId id) throws IOException {
    for (TaskState state : new TaskState[] {TaskState.SUCCEED, TaskState.FAILED}) {
      try (Stream<TaskRef> tasks = tree.tasks(job, state)) {
        if (tasks.anyMatch(t -> t.id().equals(id))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sets the failed counters to what the error lists in {@code failed_tasks} name. */
  public static JobRecord recountFailed(JobTree tree, String job) throws IOException {
    final long[] failed = countFailed(tree, job);
    return tree.updateJob(
        job,
        r -> {
          JobCounters c = r.counters();
          return r.withCounters(
              new JobCounters(
                  c.objectsTotal(),
                  c.bytesTotal(),
                  c.objectsDone(),
                  c.bytesDone(),
                  failed[0],
                  failed[1],
                  c.objectsSkipped(),
                  c.bytesSkipped()));
        });
  }

  /** Objects and bytes named by the error lists of the failed tasks (all, if a list is empty). */
  static long[] countFailed(JobTree tree, String job) throws IOException {
    long[] total = new long[2];
    try (Stream<TaskRef> failedTasks = tree.tasks(job, TaskState.FAILED)) {
      Iterator<TaskRef> it = failedTasks.iterator();
      while (it.hasNext()) {
        TaskRef task = it.next();
        Set<List<String>> named = new HashSet<>();
        for (ErrorEntry e : tree.readErrors(job, task)) {
          named.add(Arrays.asList(e.source(), e.destination()));
        }
        try (TaskFileReader entries = tree.openTask(job, task)) {
          for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
            if (named.isEmpty() || named.contains(Arrays.asList(e.source(), e.destination()))) {
              total[0]++;
              total[1] += Math.max(0, e.size());
            }
          }
        }
      }
    }
    return total;
  }

  /** Sets the totals to those of the newest checkpoint of the job's round (the scan's count). */
  public static JobRecord syncTotals(JobTree tree, String job) throws IOException {
    JobRecord record = tree.readJob(job);
    Optional<Checkpoint> latest = tree.checkpoints(job).latest(record.round());
    if (!latest.isPresent()) {
      return record;
    }
    return withTotals(tree, job, latest.get().objects(), latest.get().bytes());
  }

  /** Sets the totals, leaving the other counters as they are. */
  public static JobRecord withTotals(JobTree tree, String job, long objects, long bytes)
      throws IOException {
    return tree.updateJob(
        job,
        r -> {
          JobCounters c = r.counters();
          return r.withCounters(
              new JobCounters(
                  objects,
                  bytes,
                  c.objectsDone(),
                  c.bytesDone(),
                  c.objectsFailed(),
                  c.bytesFailed(),
                  c.objectsSkipped(),
                  c.bytesSkipped()));
        });
  }
}
