package io.ossimport.core.worker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobType;
import io.ossimport.core.config.SkipExistMode;
import io.ossimport.core.jobtree.AuditLog;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.RecordedProgress.EntryProgress;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.oss.OssFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one dispatched task: streams its TASK entry by entry and hands each object to the
 * worker's shared pool, never more than {@code inFlight} at once (memory stays bounded whatever the
 * task's size). Entries the progress log marks DONE or FAILED are not run again.
 *
 * <p>A graceful stop (the calling thread is interrupted) starts no further object, lets the running
 * ones finish or record their state, then throws {@link InterruptedException}.
 *
 * <p>When the job's {@link DestinationHealth} trips (a run of failures that are the destination's,
 * in this task or another of the job), the task stops the same way, the objects that failed because
 * of the destination are reopened for the resumed run, and it throws {@link WorkerAbortException}
 * naming the cause.
 */
final class TaskRun {
  private final WorkerResources resources;
  private final JobRuntime job;
  private final TaskId id;
  private final String workerName;
  final TaskCounters counters = new TaskCounters();
  private final EndedEntries endedEntries = new EndedEntries();
  final StopSignal stop = new StopSignal();
  private final List<ErrorEntry> errors = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<IOException> fatal = new AtomicReference<>();
  private final AtomicReference<WorkerAbortException> abort = new AtomicReference<>();

  /** Objects that a stop left unfinished (or never started). */
  private final AtomicInteger unfinished = new AtomicInteger();

  /** Entries of this run that failed because of the destination: reopened if the job aborts. */
  private final List<Integer> destinationFailures = Collections.synchronizedList(new ArrayList<>());

  TaskRun(WorkerResources resources, JobRuntime job, TaskId id, String workerName) {
    this.resources = resources;
    this.job = job;
    this.id = id;
    this.workerName = workerName;
  }

  TaskOutcome run() throws IOException, InterruptedException {
    DestinationHealth health = job.destinationHealth();
    health.register(stop);
    try {
      return run(health);
    } finally {
      health.unregister(stop);
    }
  }

  private TaskOutcome run(DestinationHealth health) throws IOException, InterruptedException {
    WorkerTaskFiles files = job.tree().workerFiles(job.jobName(), id);
    RecordedProgress progress = files.readProgress();
    // As many as the pool may ever run: the pool's size, not this, bounds the objects in flight.
    int inFlight = resources.concurrency.ceiling();
    Semaphore slots = new Semaphore(inFlight);
    boolean interrupted = false;
    boolean reachedEnd = false;
    try (TaskFileReader reader =
            job.tree().openTask(job.jobName(), new TaskRef(id, TaskState.DISPATCHED, workerName));
        ProgressLog progressLog = files.openProgressLog();
        AuditLog auditLog = files.openAuditLog()) {
      TaskLogs logs = new TaskLogs(progressLog, auditLog, resources.events, job);
      TaskContext ctx =
          new TaskContext(
              job,
              files,
              logs,
              new Attempts(
                  resources.backoff,
                  stop,
                  logs,
                  health,
                  job.requestWindow(),
                  resources.concurrency,
                  job.credentialRefresh()),
              stop,
              resources.limiter,
              resources.partPool,
              resources.recordMd5,
              counters,
              skipListing(progress));
      try {
        for (TaskEntry entry = reader.next(); ; entry = reader.next()) {
          if (entry == null) {
            reachedEnd = true;
            break;
          }
          if (Thread.interrupted()) {
            interrupted = true;
            stop.request();
          }
          if (stop.isRequested()) {
            break;
          }
          int index = (int) reader.index();
          EntryProgress previous = progress.entry(index);
          if (countedFromEarlierRun(previous, entry)) {
            continue;
          }
          try {
            slots.acquire();
          } catch (InterruptedException e) {
            interrupted = true;
            stop.request();
            break;
          }
          if (stop.isRequested()) {
            slots.release();
            break;
          }
          ObjectContext o = new ObjectContext(index, entry);
          try {
            resources.objectPool.execute(
                () -> {
                  resources.concurrency.objectStarted();
                  try {
                    runObject(ctx, o, previous);
                  } finally {
                    counters.ended(o.index);
                    resources.concurrency.objectEnded();
                    slots.release();
                  }
                });
          } catch (RejectedExecutionException e) {
            slots.release();
            stop.request();
            break;
          }
        }
      } finally {
        interrupted |= awaitInFlight(slots, inFlight);
      }
      if (health.trippedBy() != null && fatal.get() == null) {
        throw destinationAbort(logs, health);
      }
    }
    if (fatal.get() != null) {
      throw fatal.get();
    }
    if (abort.get() != null) {
      throw abort.get();
    }
    if (interrupted) {
      throw new InterruptedException("task " + id + " stopped; it resumes from its progress log");
    }
    if (!reachedEnd || unfinished.get() > 0) {
      throw new IOException(
          "task " + id + " stopped before its end: the worker was closed; it resumes later");
    }
    // every entry ended (now or in an earlier run), so the counts are the whole task's
    return TaskOutcome.of(new ArrayList<>(errors)).withCounts(endedEntries.counts());
  }

  /**
   * isSkipExistFile by listing, for the entries that would get the skip check (not begun, done or
   * failed in an earlier run), or null where each gets a HEAD. One more read of the TASK file.
   */
  private SkipListing skipListing(RecordedProgress progress) throws IOException {
    JobConfig config = job.config();
    if (!config.isSkipExistFile()
        || config.jobType() == JobType.AUDIT
        || config.skipExistMode() == SkipExistMode.HEAD) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    try (TaskFileReader reader =
        job.tree().openTask(job.jobName(), new TaskRef(id, TaskState.DISPATCHED, workerName))) {
      for (TaskEntry entry = reader.next(); entry != null; entry = reader.next()) {
        if (progress.entry((int) reader.index()).state() == EntryState.NOT_STARTED) {
          keys.add(entry.destination());
        }
      }
    }
    return SkipListing.forTask(config.skipExistMode(), keys);
  }

  /** DONE and FAILED entries of an earlier run count as they ended; true if one was. */
  private boolean countedFromEarlierRun(EntryProgress previous, TaskEntry entry) {
    long size = Math.max(entry.size(), 0);
    switch (previous.state()) {
      case DONE:
        if (previous.crc64() == null && previous.etag() == null) {
          counters.skipped(size);
          endedEntries.skipped(entry);
        } else {
          counters.done(size);
          endedEntries.uploaded(entry);
        }
        return true;
      case FAILED:
        ReasonCode reason = previous.reason() == null ? ReasonCode.UNKNOWN : previous.reason();
        errors.add(ErrorEntry.of(reason, entry));
        counters.failed(size);
        endedEntries.failed(entry);
        return true;
      default:
        return false;
    }
  }

  private void runObject(TaskContext ctx, ObjectContext o, EntryProgress previous) {
    if (stop.isRequested()) {
      unfinished.incrementAndGet(); // queued before a stop: left for the resumed run
      return;
    }
    try {
      ObjectOutcome outcome;
      try {
        outcome =
            job.config().jobType() == JobType.AUDIT
                ? new ObjectAudit(ctx, o).run()
                : new ObjectUpload(ctx, o, previous).run();
      } catch (RuntimeException | Error bug) {
        // A bug in the worker itself, outside any request: the object fails as UNKNOWN.
        OssFailure failure = OssFailure.unexpected(bug.toString());
        ctx.logs.failed(o, failure, bug);
        ctx.counters.failed(o.size);
        outcome = ObjectOutcome.failed(ErrorEntry.of(ReasonCode.UNKNOWN, o.entry), bug, failure);
      }
      if (outcome.kind == ObjectOutcome.Kind.STOPPED) {
        unfinished.incrementAndGet();
      } else if (outcome.kind != ObjectOutcome.Kind.FAILED) {
        if (outcome.kind == ObjectOutcome.Kind.SKIPPED) {
          endedEntries.skipped(o.entry);
        } else {
          endedEntries.uploaded(o.entry);
        }
        job.destinationHealth().succeeded();
      } else {
        endedEntries.failed(o.entry);
        if (outcome.failure != null && outcome.failure.isDestinationWide()) {
          destinationFailures.add(o.index);
          job.destinationHealth().failed(outcome.failure);
        }
        errors.add(outcome.error);
        if (outcome.unexpected != null && resources.abortOnUnexpected) {
          abortJob(ctx, o, outcome.unexpected);
        }
      }
    } catch (IOException e) {
      fatal.compareAndSet(null, e);
      stop.request();
    }
  }

  /**
   * The job's destination does not work: this run's objects that failed because of it go back to
   * BEGIN (sent again after the fix, nothing done is lost), and the task ends with the cause.
   */
  private WorkerAbortException destinationAbort(TaskLogs logs, DestinationHealth health)
      throws IOException {
    synchronized (destinationFailures) {
      for (int index : destinationFailures) {
        logs.reopened(index);
      }
    }
    return new WorkerAbortException(null, health.abortReason(job.config()), null);
  }

  private void abortJob(TaskContext ctx, ObjectContext o, Throwable cause) {
    String message =
        "unexpected error on "
            + NameCodec.escape(o.key())
            + " with workerAbortWhenUncatchedException=true: the job aborts ("
            + cause
            + ")";
    if (abort.compareAndSet(null, new WorkerAbortException(o.key(), message, cause))) {
      ctx.logs.event(ImportEvent.Level.ERROR, message);
    }
    stop.request();
  }

  /** Waits until every object handed to the pool has ended; true if interrupted meanwhile. */
  private boolean awaitInFlight(Semaphore slots, int inFlight) {
    boolean interrupted = false;
    while (true) {
      try {
        slots.acquire(inFlight);
        slots.release(inFlight);
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
        stop.request();
      }
    }
  }

  /** For messages. */
  @Override
  public String toString() {
    return job.jobName() + "/" + id;
  }
}
