package io.ossimport.core.tracker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.AuditLog;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker stand-in that moves nothing: an entry whose source contains {@code fail} fails with
 * NETWORK, one containing {@code skip} is skipped (EXISTS), every other one is done. It writes the
 * worker's progress and audit logs as the real worker does, and can be made to block, abort or
 * count how many tasks run at once.
 */
final class FakeRunner implements TaskRunner {
  private final JobTree tree;
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  final Set<TaskId> ran = ConcurrentHashMap.newKeySet();

  /** When set, each task waits for a permit (stop tests) ... */
  volatile Semaphore gate;

  /** ... and when true, the next task throws the worker's abort. */
  volatile boolean abortNext;

  /** Entries whose source contains this fail; cleared to let a retry succeed. */
  volatile String failMarker = "fail";

  FakeRunner(JobTree tree) {
    this.tree = tree;
  }

  @Override
  public JobTasks openJob(final String jobName, JobConfig config) {
    return new JobTasks() {
      @Override
      public TaskOutcome run(TaskId id, String worker)
          throws AbortJobException, IOException, InterruptedException {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
          Semaphore g = gate;
          if (g != null) {
            g.acquire();
          }
          if (abortNext) {
            abortNext = false;
            throw new AbortJobException("object x: unexpected NullPointerException", null);
          }
          ran.add(id);
          return runEntries(jobName, id, worker);
        } finally {
          running.decrementAndGet();
        }
      }

      @Override
      public void close() {}
    };
  }

  private TaskOutcome runEntries(String job, TaskId id, String worker) throws IOException {
    List<ErrorEntry> errors = new ArrayList<>();
    WorkerTaskFiles files = tree.workerFiles(job, id);
    try (ProgressLog progress = files.openProgressLog();
        AuditLog audit = files.openAuditLog();
        TaskFileReader entries =
            tree.openTask(job, new TaskRef(id, TaskState.DISPATCHED, worker))) {
      int index = 0;
      for (TaskEntry e = entries.next(); e != null; e = entries.next(), index++) {
        progress.begin(index);
        String marker = failMarker;
        if (marker != null && e.source().contains(marker)) {
          progress.failed(index, ReasonCode.NETWORK);
          audit.append(record(AuditResult.FAILED, ReasonCode.NETWORK, e));
          errors.add(ErrorEntry.of(ReasonCode.NETWORK, e));
        } else {
          boolean skip = e.source().contains("skip");
          progress.done(index, null, null);
          audit.append(
              record(
                  skip ? AuditResult.SKIPPED : AuditResult.OK, skip ? ReasonCode.EXISTS : null, e));
        }
      }
    }
    return TaskOutcome.of(errors);
  }

  private static AuditRecord record(AuditResult result, ReasonCode reason, TaskEntry e) {
    return new AuditRecord(
        Instant.now(), result, reason, e.size(), null, 1, e.attempt(), e.destination());
  }
}
