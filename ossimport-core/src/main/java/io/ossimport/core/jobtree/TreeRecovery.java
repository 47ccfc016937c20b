package io.ossimport.core.jobtree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns whatever a crash left into a consistent tree: leftovers go, interrupted transitions are
 * finished or undone, dispatched tasks return to pending. Run it at service start, under the
 * service lock, before anything is dispatched.
 */
final class TreeRecovery {
  private final JobTree tree;
  private final JobTreeLayout layout;
  private final TaskTransitions transitions;

  TreeRecovery(JobTree tree, JobTreeLayout layout, TaskTransitions transitions) {
    this.tree = tree;
    this.layout = layout;
    this.transitions = transitions;
  }

  RecoveryReport recoverAll() throws IOException {
    RecoveryReport report = new RecoveryReport();
    for (Path dir : new Path[] {layout.queueDir(), layout.jobsDir(), layout.workerJobsDir()}) {
      AtomicFiles.createDirectories(dir);
      removeLeftovers(dir, report);
    }
    removeOrphans(layout.queueDir(), report);
    removeOrphans(layout.workerJobsDir(), report);
    try (Stream<String> jobs = tree.jobs()) {
      Iterator<String> it = jobs.iterator();
      while (it.hasNext()) {
        report.add(recover(it.next()));
      }
    }
    return report;
  }

  RecoveryReport recover(String job) throws IOException {
    if (!Files.isDirectory(layout.jobDir(job))) {
      throw new JobTreeException("No job '" + job + "' in " + layout.jobsDir());
    }
    RecoveryReport report = new RecoveryReport();
    removeLeftovers(layout.jobDir(job), report);
    for (TaskState state : TaskState.values()) {
      removeLeftovers(layout.stateDir(job, state), report);
    }
    try (Stream<Path> workers = TaskListing.entries(layout.stateDir(job, TaskState.DISPATCHED))) {
      Iterator<Path> it = workers.iterator();
      while (it.hasNext()) {
        removeLeftovers(it.next(), report);
      }
    }
    removeLeftovers(layout.checkpointsDir(job), report);
    try (Stream<Path> rounds = TaskListing.entries(layout.checkpointsDir(job))) {
      Iterator<Path> it = rounds.iterator();
      while (it.hasNext()) {
        removeLeftovers(it.next(), report);
      }
    }
    removeLeftovers(layout.workerJobDir(job), report);
    removeLeftovers(layout.workerTasksDir(job), report);

    resolveStagedTasks(job, report);
    transitions.finishInterruptedRetries(job, report);
    requeueDispatched(job, report);
    removeStaleWorkerDirs(job, report);
    reconcileQueue(job);
    return report;
  }

  /** A staged task is committed if the newest checkpoint names it, else discarded. */
  private void resolveStagedTasks(String job, RecoveryReport report) throws IOException {
    Optional<Checkpoint> latest = tree.checkpoints(job).latest();
    TaskId checkpointed = latest.isPresent() ? latest.get().lastTaskId() : null;
    try (Stream<Path> entries = TaskListing.entries(layout.stateDir(job, TaskState.PENDING))) {
      Iterator<Path> it = entries.iterator();
      while (it.hasNext()) {
        Path staged = it.next();
        String name = staged.getFileName().toString();
        if (!name.startsWith(JobTreeLayout.STAGED_PREFIX)) {
          continue;
        }
        TaskId id = TaskId.tryParse(name.substring(JobTreeLayout.STAGED_PREFIX.length()));
        if (id != null && id.equals(checkpointed)) {
          AtomicFiles.move(staged, layout.pendingTask(job, id));
          report.committedStagedTasks++;
        } else {
          AtomicFiles.trashAndDelete(staged);
          report.discardedStagedTasks++;
        }
      }
    }
  }

  /**
   * A dispatched task whose final directory exists was completed (only the dispatched entry was
   * left to remove); any other goes back to pending, its worker progress kept for the resume.
   */
  private void requeueDispatched(String job, RecoveryReport report) throws IOException {
    try (Stream<TaskRef> dispatched = tree.tasks(job, TaskState.DISPATCHED)) {
      Iterator<TaskRef> it = dispatched.iterator();
      while (it.hasNext()) {
        TaskRef ref = it.next();
        Path dir = layout.taskDir(job, ref);
        if (Files.exists(layout.finalTask(job, ref.id(), ref.worker(), TaskStatus.COMPLETED))
            || Files.exists(layout.finalTask(job, ref.id(), ref.worker(), TaskStatus.FAILED))) {
          AtomicFiles.trashAndDelete(dir);
          report.finishedCompletions++;
        } else if (Files.exists(layout.pendingTask(job, ref.id()))) {
          AtomicFiles.trashAndDelete(dir); // a copy made by hand; the pending one stays
          report.removedLeftovers++;
        } else {
          AtomicFiles.move(dir, layout.pendingTask(job, ref.id()));
          report.requeuedTasks++;
        }
      }
    }
  }

  /** After requeueing nothing is dispatched: a worker directory of a non-pending task is stale. */
  private void removeStaleWorkerDirs(String job, RecoveryReport report) throws IOException {
    try (Stream<Path> dirs = TaskListing.entries(layout.workerTasksDir(job))) {
      Iterator<Path> it = dirs.iterator();
      while (it.hasNext()) {
        Path dir = it.next();
        TaskId id = TaskId.tryParse(dir.getFileName().toString());
        if (id != null && !Files.isDirectory(layout.pendingTask(job, id))) {
          AtomicFiles.trashAndDelete(dir);
          report.removedWorkerDirs++;
        }
      }
    }
  }

  /** The queue entry exists exactly while the JOB record says the scan is not finished. */
  private void reconcileQueue(String job) throws IOException {
    JobRecord record = tree.readJob(job);
    Path queued = layout.queueEntry(job);
    if (!record.scanFinished()) {
      AtomicFiles.createDirectories(queued);
    } else {
      AtomicFiles.trashAndDelete(queued);
    }
  }

  /** Queue entries and worker job directories without a job directory: an interrupted clean. */
  private void removeOrphans(Path dir, RecoveryReport report) throws IOException {
    try (Stream<Path> entries = TaskListing.entries(dir)) {
      Iterator<Path> it = entries.iterator();
      while (it.hasNext()) {
        Path entry = it.next();
        String name = entry.getFileName().toString();
        if (JobTreeLayout.isValidName(name) && !Files.isDirectory(layout.jobDir(name))) {
          AtomicFiles.trashAndDelete(entry);
          report.removedLeftovers++;
        }
      }
    }
  }

  private static void removeLeftovers(Path dir, RecoveryReport report) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = TaskListing.entries(dir)) {
      Iterator<Path> it = entries.iterator();
      while (it.hasNext()) {
        Path entry = it.next();
        if (AtomicFiles.isLeftover(entry.getFileName().toString())) {
          AtomicFiles.deleteRecursively(entry);
          report.removedLeftovers++;
        }
      }
    }
  }
}
