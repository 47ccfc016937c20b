package io.ossimport.core.tracker;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.TaskProgress;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobType;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds {@code stat}'s snapshot of a job from the tree alone, so it works whether or not the
 * service runs and in any process: the JOB record (state, scan, counters), the task counts per
 * state, and for each running task (dispatched, and the worker has started it) its progress from
 * the worker's progress log, with the bytes its objects in flight have sent (from the live worker
 * when there is one, else the parts in their multipart records).
 *
 * <p>A reader follows the running tasks it has seen: each later {@link #read} of the job reads only
 * what their progress logs gained since (see {@link RunningTaskProgress}), and forgets a task once
 * it is no longer running. Keep one reader for repeated reads (the tracker's progress events); a
 * new reader reads everything once. Not thread-safe.
 */
public final class JobStatusReader {
  private final JobTree tree;
  private final BytesInFlight inFlight;
  private final Map<String, Map<TaskId, RunningTaskProgress>> followed = new HashMap<>();

  /** A reader of the tree alone: objects in flight count their confirmed parts. */
  public JobStatusReader(JobTree tree) {
    this(tree, BytesInFlight.NONE);
  }

  /** A reader that also counts what the live worker {@code inFlight} has sent. */
  public JobStatusReader(JobTree tree, BytesInFlight inFlight) {
    this.tree = tree;
    this.inFlight = inFlight;
  }

  /** Snapshots of every job, by name. */
  public List<JobStatus> readAll() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<String> jobs = tree.jobs()) {
      jobs.sorted().forEach(names::add);
    }
    List<JobStatus> all = new ArrayList<>();
    for (String job : names) {
      all.add(read(job));
    }
    return all;
  }

  /** The snapshot of one job (which must exist). */
  public JobStatus read(String job) throws IOException {
    JobRecord record = tree.readJob(job);
    List<TaskProgress> running = new ArrayList<>();
    Map<TaskId, RunningTaskProgress> before = followed.remove(job);
    Map<TaskId, RunningTaskProgress> still = new HashMap<>();
    long dispatched = 0;
    try (Stream<TaskRef> tasks = tree.tasks(job, TaskState.DISPATCHED)) {
      Iterator<TaskRef> it = tasks.iterator();
      while (it.hasNext()) {
        TaskRef task = it.next();
        dispatched++;
        WorkerTaskFiles files = tree.workerFiles(job, task.id());
        if (files.exists()) {
          try {
            RunningTaskProgress progress = before == null ? null : before.get(task.id());
            if (progress == null) {
              progress = RunningTaskProgress.open(tree, job, task, files);
            }
            running.add(progress.read(inFlight.of(job, task.id())));
            still.put(task.id(), progress);
          } catch (NoSuchFileException e) {
            // completed while we read it: it is counted as dispatched in this snapshot only
          }
        }
      }
    }
    if (!still.isEmpty()) {
      followed.put(job, still); // tasks that completed are forgotten
    }
    Collections.sort(running, (a, b) -> a.taskId().compareTo(b.taskId()));
    JobCounters c = record.counters();
    JobStatus.Builder status =
        JobStatus.builder(job, record.state())
            .tasks(
                tree.countTasks(job, TaskState.PENDING),
                dispatched,
                running.size(),
                tree.countTasks(job, TaskState.SUCCEED),
                tree.countTasks(job, TaskState.FAILED))
            .scan(record.scanFinished(), record.round())
            .audit(isAudit(job))
            .abortReason(
                record.state() == JobState.Abort ? AbortReasons.neutral(record.abortReason()) : "")
            .times(record.startTime(), record.finishTime())
            .objects(
                c.objectsTotal(),
                c.bytesTotal(),
                c.objectsDone(),
                c.bytesDone(),
                c.objectsSkipped(),
                c.objectsFailed());
    if (record.schedule() != null) {
      status.incremental(record.schedule().nextRound());
    }
    for (TaskProgress p : running) {
      status.addRunning(p);
    }
    return status.build();
  }

  /** Whether the job's frozen configuration says {@code jobType=audit}; false if unreadable. */
  private boolean isAudit(String job) {
    try {
      return CanonicalJobConfig.read(tree.readFrozenConfig(job), "job " + job).jobType()
          == JobType.AUDIT;
    } catch (IOException | OssImportException | RuntimeException e) {
      return false; // the report reads as an import's; the job itself reports the problem
    }
  }

  /**
   * Forgets what was read of a task's progress: the tracker calls it when it dispatches the task,
   * so that a task id dispatched again is read afresh.
   */
  void forget(String job, TaskId id) {
    Map<TaskId, RunningTaskProgress> tasks = followed.get(job);
    if (tasks != null) {
      tasks.remove(id);
    }
  }

  /** How many of the job's tasks this reader follows (for tests: bounded by the running ones). */
  int followedTasks(String job) {
    Map<TaskId, RunningTaskProgress> tasks = followed.get(job);
    return tasks == null ? 0 : tasks.size();
  }

  /** Forgets what was read of a job's tasks (the job is gone). */
  void forget(String job) {
    followed.remove(job);
  }
}
