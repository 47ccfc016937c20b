package io.ossimport.core.jobtree;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The moves of a task between states: dispatch, complete and retry, each split into the steps a
 * crash can fall between (package-private so tests can stop after any of them). The argument that
 * {@link TreeRecovery} resolves every intermediate state is in {@code docs/JOB-TREE.md}.
 */
final class TaskTransitions {
  private final JobTree tree;
  private final JobTreeLayout layout;

  TaskTransitions(JobTree tree, JobTreeLayout layout) {
    this.tree = tree;
    this.layout = layout;
  }

  /** pending_tasks/&lt;id&gt; → dispatched/&lt;worker&gt;/&lt;id&gt;: one rename. */
  void dispatch(String job, TaskId id, String worker) throws IOException {
    Path pending = layout.pendingTask(job, id);
    if (!Files.isDirectory(pending)) {
      throw new JobTreeException(
          "Task " + id + " of job " + job + " is not pending: " + pending + " does not exist");
    }
    AtomicFiles.createDirectories(layout.dispatchedWorkerDir(job, worker));
    AtomicFiles.move(pending, layout.dispatchedTask(job, id, worker));
  }

  /** The task's dispatched directory; a {@link JobTreeException} if it is not there. */
  private Path existingDispatched(String job, TaskId id, String worker) throws JobTreeException {
    Path dispatched = layout.dispatchedTask(job, id, worker);
    if (!Files.isDirectory(dispatched)) {
      throw new JobTreeException(
          "Task "
              + id
              + " of job "
              + job
              + " is not dispatched to "
              + worker
              + ": "
              + dispatched
              + " does not exist");
    }
    return dispatched;
  }

  /**
   * dispatched/&lt;worker&gt;/&lt;id&gt; → pending_tasks/&lt;id&gt;: one rename, the worker's files
   * kept so the next run resumes where this one stopped.
   */
  void requeue(String job, TaskId id, String worker) throws IOException {
    Path dispatched = existingDispatched(job, id, worker);
    AtomicFiles.move(dispatched, layout.pendingTask(job, id));
  }

  /**
   * dispatched → succeed_tasks or failed_tasks: the final directory is built under a temp name and
   * renamed into place (the commit), then the dispatched entry and the worker directory go.
   */
  TaskRef complete(String job, TaskId id, String worker, TaskOutcome outcome) throws IOException {
    Path dispatched = existingDispatched(job, id, worker);
    finishRetryOf(job, dispatched);
    Path finalDir = layout.finalTask(job, id, worker, outcome.status());
    Path staging = stageFinal(job, id, worker, outcome);
    try {
      commitFinal(staging, finalDir);
    } finally {
      AtomicFiles.deleteQuietly(staging); // gone already once committed
    }
    removeDispatched(job, id, worker);
    removeWorkerDir(job, id);
    return new TaskRef(
        id,
        outcome.status() == TaskStatus.COMPLETED ? TaskState.SUCCEED : TaskState.FAILED,
        worker);
  }

  /** Step 1 of complete: the final directory, complete, under a temp name beside its target. */
  Path stageFinal(String job, TaskId id, String worker, TaskOutcome outcome) throws IOException {
    Path finalDir = layout.finalTask(job, id, worker, outcome.status());
    AtomicFiles.createDirectories(finalDir.getParent());
    Path staging = finalDir.resolveSibling(AtomicFiles.tempName(id.toString()));
    Files.createDirectory(staging);
    try {
      writeFinalFiles(job, id, worker, outcome, staging);
    } catch (IOException | RuntimeException e) {
      AtomicFiles.deleteQuietly(staging);
      throw e;
    }
    return staging;
  }

  private void writeFinalFiles(
      String job, TaskId id, String worker, TaskOutcome outcome, Path staging) throws IOException {
    Path dispatched = layout.dispatchedTask(job, id, worker);
    AtomicFiles.copyNew(
        dispatched.resolve(JobTreeLayout.TASK_FILE), staging.resolve(JobTreeLayout.TASK_FILE));
    writeText(staging.resolve(JobTreeLayout.STATUS_FILE), outcome.status().text() + "\n");
    Path workerAudit = layout.workerTaskDir(job, id).resolve(JobTreeLayout.AUDIT_FILE);
    if (Files.exists(workerAudit)) {
      AtomicFiles.copyNew(workerAudit, staging.resolve(JobTreeLayout.AUDIT_FILE));
    } else {
      writeText(staging.resolve(JobTreeLayout.AUDIT_FILE), AuditLog.HEADER + "\n");
    }
    final List<ErrorEntry> errors = outcome.errors();
    AtomicFiles.writeNew(
        staging.resolve(JobTreeLayout.ERROR_FILE), out -> ErrorList.write(errors, out));
    AtomicFiles.writeNew(staging.resolve(JobTreeLayout.DONE_FILE), out -> {});
    AtomicFiles.fsyncDirectory(staging);
  }

  /** Step 2 of complete, the commit: one rename into succeed_tasks or failed_tasks. */
  void commitFinal(Path staging, Path finalDir) throws IOException {
    AtomicFiles.move(staging, finalDir);
  }

  /** Step 3 of complete: the dispatched entry goes (two-phase, via trash). */
  void removeDispatched(String job, TaskId id, String worker) throws IOException {
    AtomicFiles.trashAndDelete(layout.dispatchedTask(job, id, worker));
  }

  /** Step 4 of complete: the worker's in-flight files go. */
  void removeWorkerDir(String job, TaskId id) throws IOException {
    AtomicFiles.trashAndDelete(layout.workerTaskDir(job, id));
  }

  /**
   * Replaces every failed task by a redo task in pending that holds only the objects its {@code
   * error.list} names, each with its attempt count + 1 (every object if the list names none), or
   * what {@code expander} replaces them by.
   */
  RetryReport retry(String job, RedoExpander expander) throws IOException {
    finishInterruptedRetries(job, new RecoveryReport());
    long tasks = 0;
    long objects = 0;
    long[] added = new long[2];
    try (Stream<TaskRef> failed = tree.tasks(job, TaskState.FAILED)) {
      Iterator<TaskRef> it = failed.iterator();
      while (it.hasNext()) {
        TaskRef ref = it.next();
        long[] redone = new long[1];
        TaskId redo = commitRedo(job, ref, redone, expander, added);
        objects += redone[0];
        removeFailed(job, ref);
        removeOriginMarker(job, redo);
        tasks++;
      }
    }
    return new RetryReport(tasks, objects, added[0], added[1]);
  }

  /** Step 1 of retry without replacements (crash tests call the steps one by one). */
  TaskId commitRedo(String job, TaskRef failed, long[] redoneObjects) throws IOException {
    return commitRedo(job, failed, redoneObjects, RedoExpander.NONE, new long[2]);
  }

  /**
   * Step 1 of retry, the commit: the redo task, with an ORIGIN file naming the failed task.
   *
   * @param added gets the objects and bytes the expander added beyond the entries it replaced
   */
  TaskId commitRedo(
      String job, TaskRef failed, long[] redoneObjects, RedoExpander expander, long[] added)
      throws IOException {
    Path failedDir = layout.taskDir(job, failed);
    Map<List<String>, ReasonCode> names = new HashMap<>();
    for (ErrorEntry e : ErrorList.read(failedDir.resolve(JobTreeLayout.ERROR_FILE))) {
      names.put(Arrays.asList(e.source(), e.destination()), e.reason());
    }
    Path taskFile = failedDir.resolve(JobTreeLayout.TASK_FILE);
    boolean redoAll = names.isEmpty() || countNamed(taskFile, names.keySet()) == 0;
    long addedObjects = 0;
    long addedBytes = 0;
    try (NewTask redo = tree.newTask(job);
        TaskFileReader entries = TaskFileReader.open(taskFile)) {
      for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
        List<String> name = Arrays.asList(e.source(), e.destination());
        ReasonCode reason = names.get(name);
        if (reason != null && expander.expands(reason)) {
          long before = redo.count();
          long[] bytes = new long[1];
          expander.expand(
              e,
              x -> {
                redo.add(x);
                bytes[0] += Math.max(0, x.size());
              });
          addedObjects += redo.count() - before - 1;
          addedBytes += bytes[0] - Math.max(0, e.size());
        } else if (redoAll || reason != null) {
          redo.add(e.nextAttempt());
        }
      }
      redo.origin(failed.id().finalDirName(failed.worker()));
      redoneObjects[0] = redo.count();
      TaskId id = redo.commit();
      added[0] += addedObjects;
      added[1] += addedBytes;
      return id;
    }
  }

  /** Step 2 of retry: the failed task goes (two-phase, via trash). */
  void removeFailed(String job, TaskRef failed) throws IOException {
    AtomicFiles.trashAndDelete(layout.taskDir(job, failed));
  }

  /** Step 3 of retry: the redo task's ORIGIN marker goes, wherever the task is now. */
  void removeOriginMarker(String job, TaskId redo) throws IOException {
    if (Files.deleteIfExists(layout.pendingTask(job, redo).resolve(JobTreeLayout.ORIGIN_FILE))) {
      return;
    }
    try (Stream<TaskRef> dispatched = tree.tasks(job, TaskState.DISPATCHED)) {
      Iterator<TaskRef> it = dispatched.iterator();
      while (it.hasNext()) {
        TaskRef ref = it.next();
        if (ref.id().equals(redo)) {
          Files.deleteIfExists(layout.taskDir(job, ref).resolve(JobTreeLayout.ORIGIN_FILE));
        }
      }
    }
  }

  /**
   * Finishes retries a crash interrupted: a pending or dispatched task with an ORIGIN marker whose
   * failed task still exists was committed, so that failed task goes now.
   */
  void finishInterruptedRetries(String job, RecoveryReport report) throws IOException {
    for (TaskState state : new TaskState[] {TaskState.PENDING, TaskState.DISPATCHED}) {
      try (Stream<TaskRef> tasks = tree.tasks(job, state)) {
        Iterator<TaskRef> it = tasks.iterator();
        while (it.hasNext()) {
          if (finishRetryOf(job, layout.taskDir(job, it.next()))) {
            report.finishedRetries++;
          }
        }
      }
    }
  }

  /** Removes the failed task a redo task replaces, then its ORIGIN marker; true if one went. */
  private boolean finishRetryOf(String job, Path taskDir) throws IOException {
    Path origin = taskDir.resolve(JobTreeLayout.ORIGIN_FILE);
    if (!Files.exists(origin)) {
      return false;
    }
    String name = new String(Files.readAllBytes(origin), StandardCharsets.UTF_8).trim();
    TaskRef failed = TaskListing.finalRef(name, TaskState.FAILED);
    boolean removed = failed != null && AtomicFiles.trashAndDelete(layout.taskDir(job, failed));
    Files.deleteIfExists(origin);
    return removed;
  }

  private static long countNamed(Path taskFile, Set<List<String>> names) throws IOException {
    long n = 0;
    try (TaskFileReader entries = TaskFileReader.open(taskFile)) {
      for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
        if (names.contains(Arrays.asList(e.source(), e.destination()))) {
          n++;
        }
      }
    }
    return n;
  }

  private static void writeText(Path file, final String text) throws IOException {
    AtomicFiles.writeNew(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(text);
          w.flush();
        });
  }
}
