package io.ossimport.core.tracker;

import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.EntryCounts;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.TaskStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one finished task adds to the JOB counters: its objects and bytes done (uploaded or skipped
 * on purpose), skipped, and failed. It is also the tracker's count ledger: written into the JOB
 * record with the counts, before the task is completed, so that a crash between the two can be
 * undone at the next start ({@link JobCounting#reconcileLedger}).
 */
final class TaskTally {
  final TaskId taskId;
  final long doneObjects;
  final long doneBytes;
  final long skippedObjects;
  final long skippedBytes;
  final long failedObjects;
  final long failedBytes;

  TaskTally(TaskId taskId, long[] v) {
    this.taskId = taskId;
    this.doneObjects = v[0];
    this.doneBytes = v[1];
    this.skippedObjects = v[2];
    this.skippedBytes = v[3];
    this.failedObjects = v[4];
    this.failedBytes = v[5];
  }

  /**
   * Counts a dispatched task the worker has finished, before {@code complete} removes its worker
   * files. The worker counts its entries as they end ({@link TaskOutcome#counts}): those counts are
   * taken as they are, without reading the task's files again (in the 2026-12-07 profile, parsing
   * the audit log here was a tenth of the service's CPU). A runner that did not count them gets
   * them from the files: an entry is failed if the outcome names it (every entry when a failed
   * outcome names none), skipped if the last audit line of its key says SKIPPED, otherwise done.
   */
  static TaskTally of(JobTree tree, String job, TaskId id, String worker, TaskOutcome outcome)
      throws IOException {
    EntryCounts counted = outcome.counts();
    if (counted != null) {
      return new TaskTally(
          id,
          new long[] {
            counted.doneObjects(),
            counted.doneBytes(),
            counted.skippedObjects(),
            counted.skippedBytes(),
            counted.failedObjects(),
            counted.failedBytes()
          });
    }
    return fromFiles(tree, job, id, worker, outcome);
  }

  /** The counts of a finished task from its TASK file, audit log and error list. */
  static TaskTally fromFiles(
      JobTree tree, String job, TaskId id, String worker, TaskOutcome outcome) throws IOException {
    Set<List<String>> failed = new HashSet<>();
    for (ErrorEntry e : outcome.errors()) {
      failed.add(Arrays.asList(e.source(), e.destination()));
    }
    boolean allFailed = outcome.status() == TaskStatus.FAILED && failed.isEmpty();
    final Set<String> skipped = new HashSet<>();
    tree.workerFiles(job, id)
        .readAudit(
            r -> {
              if (r.result() == AuditResult.SKIPPED) {
                skipped.add(r.destination());
              } else {
                skipped.remove(r.destination());
              }
            });
    long[] v = new long[6];
    try (TaskFileReader entries =
        tree.openTask(job, new TaskRef(id, TaskState.DISPATCHED, worker))) {
      for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
        long size = Math.max(0, e.size());
        if (allFailed || failed.contains(Arrays.asList(e.source(), e.destination()))) {
          v[4]++;
          v[5] += size;
        } else {
          v[0]++;
          v[1] += size;
          if (skipped.contains(e.destination())) {
            v[2]++;
            v[3] += size;
          }
        }
      }
    }
    return new TaskTally(id, v);
  }

  /** {@code counters} with this task's counts added ({@code sign} 1) or taken back (-1). */
  JobCounters applyTo(JobCounters c, int sign) {
    return new JobCounters(
        c.objectsTotal(),
        c.bytesTotal(),
        c.objectsDone() + sign * doneObjects,
        c.bytesDone() + sign * doneBytes,
        c.objectsFailed() + sign * failedObjects,
        c.bytesFailed() + sign * failedBytes,
        c.objectsSkipped() + sign * skippedObjects,
        c.bytesSkipped() + sign * skippedBytes);
  }

  /**
   * The ledger line: {@code <taskId> <done> <doneBytes> <skipped> <skippedBytes> <failed>
   * <failedBytes>}.
   */
  String toLedger() {
    return taskId
        + " "
        + doneObjects
        + " "
        + doneBytes
        + " "
        + skippedObjects
        + " "
        + skippedBytes
        + " "
        + failedObjects
        + " "
        + failedBytes;
  }

  /** The tally a ledger entry records, or {@code null} for an unreadable one. */
  static TaskTally fromLedger(String entry) {
    String[] f = entry.trim().split(" ");
    if (f.length != 7) {
      return null;
    }
    TaskId id = TaskId.tryParse(f[0]);
    if (id == null) {
      return null;
    }
    long[] v = new long[6];
    try {
      for (int i = 0; i < 6; i++) {
        v[i] = Long.parseLong(f[i + 1]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return new TaskTally(id, v);
  }

  /**
   * The count ledger is one line of {@code ;}-separated entries: one per task counted and not yet
   * known to be completed (at most one per task thread).
   */
  static List<TaskTally> parseLedger(String ledger) {
    List<TaskTally> entries = new ArrayList<>();
    for (String entry : ledger.split(";")) {
      TaskTally t = entry.trim().isEmpty() ? null : fromLedger(entry);
      if (t != null) {
        entries.add(t);
      }
    }
    return entries;
  }

  /** {@code ledger} with this task's entry added. */
  String addTo(String ledger) {
    return ledger.isEmpty() ? toLedger() : ledger + ";" + toLedger();
  }

  /** {@code ledger} without this task's entry. */
  String removeFrom(String ledger) {
    StringBuilder out = new StringBuilder();
    for (TaskTally t : parseLedger(ledger)) {
      if (!t.taskId.equals(taskId)) {
        out.append(out.length() == 0 ? "" : ";").append(t.toLedger());
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toLedger();
  }
}
