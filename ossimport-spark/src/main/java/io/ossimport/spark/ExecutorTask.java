package io.ossimport.spark;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.jobtree.AtomicFiles;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.tracker.Tracker;
import io.ossimport.core.worker.JobRuntime;
import io.ossimport.core.worker.OpenUploads;
import io.ossimport.core.worker.Worker;
import io.ossimport.core.worker.WorkerAbortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs one shipped task on an executor with the core worker, unchanged: the task goes into a
 * private job tree in a temporary directory (the standalone layout, with the driver's frozen
 * job.cfg, never the secrets), {@link Worker#runTask} moves its objects (same keys, skip-exist,
 * audit after import, this executor's throughput cap), and the worker's logs go back to the driver.
 *
 * <p>A task that ran before (a Spark re-attempt after a lost executor, or a task the driver handed
 * out before it died) may have objects at the destination and multipart uploads open: every entry
 * is marked begun, so the worker checks the destination (size and CRC-64 against the source) before
 * it sends anything, and the uploads left open on the task's keys are aborted first ({@link
 * OpenUploads#abortOnKeys}; speculative execution is off, {@link SparkDriver}, so no other live
 * attempt of the task owns one of them).
 */
final class ExecutorTask implements Function<TaskShipment, TaskReport> {
  private static final long serialVersionUID = 1L;

  private final LiveProgress.Accumulator progress;

  /**
   * A task whose progress so far goes into {@code progress} while it runs ({@link LiveReporter}).
   */
  ExecutorTask(LiveProgress.Accumulator progress) {
    this.progress = progress;
  }

  @Override
  public TaskReport call(TaskShipment task) throws Exception {
    TaskContext spark = TaskContext.get();
    int attempt = spark == null ? 0 : spark.attemptNumber();
    boolean ranBefore = task.handedOutBefore || attempt > 0;
    FirstAttemptLoss loss = FirstAttemptLoss.configured(ranBefore);
    JobConfig config = readJob(task);
    SysConfig sys = readSys(task);
    Path dir = Files.createTempDirectory("ossimport-spark-task-");
    try {
      JobTree tree = new JobTree(dir);
      tree.submit(task.jobName, task.frozenConfig);
      List<TaskEntry> entries = loss.entriesToRun(task.taskEntries());
      TaskId id = tree.addTask(task.jobName, entries);
      tree.dispatch(task.jobName, id, Tracker.WORKER);
      WorkerTaskFiles files = tree.workerFiles(task.jobName, id);
      if (ranBefore) {
        OpenUploads.abortOnKeys(config, task.taskEntries());
        markBegun(files, entries.size());
      }
      Worker worker = ExecutorWorkers.forSettings(sys, task.sysKeys);
      worker.setThroughputCap(sys.throughputCapAt(minuteOfDay()));
      try (JobRuntime runtime = worker.openJob(tree, task.jobName, config)) {
        TaskOutcome outcome;
        try (LiveReporter live =
            new LiveReporter(
                    progress, attempt, files, worker, task.jobName, id, entries.size(), dir)
                .start()) {
          outcome = worker.runTask(runtime, id, Tracker.WORKER);
        } catch (WorkerAbortException e) {
          abortRecordedUploads(tree, task.jobName, id, config);
          return TaskReport.aborted(
              files.progressLogBytes(), files.auditLogBytes(), e.getMessage());
        }
        abortRecordedUploads(tree, task.jobName, id, config);
        loss.afterRun(task, config);
        return TaskReport.finished(files.progressLogBytes(), files.auditLogBytes(), outcome);
      }
    } finally {
      AtomicFiles.deleteRecursively(dir);
    }
  }

  /** Every entry begun: the worker's resume rule checks the destination before it sends one. */
  private static void markBegun(WorkerTaskFiles files, int entries) throws IOException {
    try (ProgressLog progress = files.openProgressLog()) {
      for (int i = 0; i < entries; i++) {
        progress.begin(i);
      }
    }
  }

  /**
   * The uploads the worker still records at the end (an object that failed mid-way): their records
   * go with this temporary tree, so nothing could resume them; abort them rather than leave them.
   */
  private static void abortRecordedUploads(JobTree tree, String job, TaskId id, JobConfig config)
      throws IOException {
    try (Stream<MultipartState> uploads = tree.workerFiles(job, id).multipartUploads()) {
      Iterator<MultipartState> it = uploads.iterator();
      if (it.hasNext()) {
        OpenUploads.abortRecorded(config, it);
      }
    }
  }

  private static JobConfig readJob(TaskShipment task) throws ConfigurationException {
    return CanonicalJobConfig.read(task.jobText, "job " + task.jobName + " as the driver sent it");
  }

  private static SysConfig readSys(TaskShipment task) throws ConfigurationException {
    return new SysConfigLoader().load(task.sysKeys, "the driver's sys.properties").config();
  }

  private static int minuteOfDay() {
    LocalTime now = LocalTime.now();
    return now.getHour() * 60 + now.getMinute();
  }
}
