package io.ossimport.spark;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.service.RemoteTasks;
import io.ossimport.core.tracker.BytesInFlight;
import io.ossimport.core.tracker.TaskRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's side of a task: the tracker dispatched it into {@code dispatched/localhost} as in
 * the standalone service; this runs it as a Spark job of one partition (the object list read from
 * its TASK file travels with it), waits for the executor's report, writes the reported progress and
 * audit logs into the task's worker files and returns the outcome, which the tracker's {@code
 * TaskCompletion} counts and completes into {@code succeed_tasks} or {@code failed_tasks}.
 *
 * <p>Before a task first goes out its worker directory is created (an empty progress log): a task
 * that finds it there was handed out before, by this driver or one that died, and its executor
 * checks the destination before sending ({@link ExecutorTask}).
 *
 * <p>While a task runs, the executor's heartbeats bring what it has done so far ({@link
 * LiveProgress}), which {@link LiveTasks} writes into the same worker files (from a thread of its
 * own, not Spark's listener bus), so {@code stat} shows a running task's objects and bytes within a
 * heartbeat or two; the report at the end replaces them.
 */
final class SparkTasks implements RemoteTasks, TaskRunner, AutoCloseable {
  private final JavaSparkContext spark;
  private final JobTree tree;
  private final Map<String, String> sysKeys;
  private final int tasksAtOnce;
  private final ImportListener events;
  private final LiveTasks live;

  SparkTasks(
      JavaSparkContext spark,
      JobTree tree,
      Map<String, String> sysKeys,
      int tasksAtOnce,
      ImportListener events) {
    this.spark = spark;
    this.tree = tree;
    this.sysKeys = sysKeys;
    this.tasksAtOnce = tasksAtOnce;
    this.events = events;
    this.live = new LiveTasks(events, LiveTasks.FILES);
    spark.sc().addSparkListener(live);
  }

  /**
   * Once the service has stopped: no more live progress, and its writer thread ends, so nothing is
   * written into the job tree after the driver is done with it.
   */
  @Override
  public void close() {
    spark.sc().removeSparkListener(live);
    live.close();
  }

  /** What the executors' last heartbeats said of their objects in flight. */
  @Override
  public BytesInFlight bytesInFlight() {
    return live;
  }

  @Override
  public TaskRunner runner() {
    return this;
  }

  @Override
  public int tasksAtOnce() {
    return tasksAtOnce;
  }

  @Override
  public JobTasks openJob(final String jobName, JobConfig config) throws IOException {
    final String frozen = tree.readFrozenConfig(jobName);
    final String jobText = CanonicalJobConfig.write(config); // in memory only: it holds secrets
    return new JobTasks() {
      @Override
      public TaskOutcome run(TaskId id, String worker)
          throws AbortJobException, IOException, InterruptedException {
        return runOnSpark(jobName, frozen, jobText, id, worker);
      }

      @Override
      public void close() {}
    };
  }

  private TaskOutcome runOnSpark(
      String jobName, String frozen, String jobText, TaskId id, String worker)
      throws TaskRunner.AbortJobException, IOException, InterruptedException {
    List<TaskEntry> entries = readEntries(jobName, id, worker);
    WorkerTaskFiles files = tree.workerFiles(jobName, id);
    boolean handedOutBefore = files.exists();
    if (!handedOutBefore) {
      files.openProgressLog().close(); // the mark a later run of this task finds
    }
    TaskShipment shipment =
        new TaskShipment(
            jobName, id.toString(), frozen, jobText, sysKeys, handedOutBefore, entries);
    LiveProgress.Accumulator progress = new LiveProgress.Accumulator();
    spark.sc().register(progress);
    LiveTasks.LiveTask running = live.open(progress.id(), jobName, id, files);
    TaskReport report;
    try {
      report = await(jobName, id, shipment, progress);
    } finally {
      live.close(running); // a live snapshot being written goes first, a pending one not at all
    }
    files.writeReported(report.progressLog, report.auditLog);
    // The executor aborted the uploads its worker still recorded; the live copies go too.
    files.writeReportedUploads(Collections.<Integer, byte[]>emptyMap());
    if (report.abortReason != null) {
      throw new TaskRunner.AbortJobException(report.abortReason, null);
    }
    return report.outcome();
  }

  /**
   * Runs the shipment and waits for its report. Spark runs a failed attempt again itself ({@code
   * spark.task.maxFailures}); when it gives up, the task's objects cannot be moved by any executor
   * (a bug, an executor that cannot reach the destination), so the job goes to {@code Abort} with
   * Spark's reason rather than trying the task forever: fix it, then retry and submit again.
   */
  private TaskReport await(
      String jobName, TaskId id, TaskShipment shipment, LiveProgress.Accumulator progress)
      throws TaskRunner.AbortJobException, IOException, InterruptedException {
    // A property of the submitting thread: each tracker task thread names its own Spark job.
    spark.setJobDescription(
        "ossimport job " + jobName + " task " + id + " (" + shipment.entries.size() + " objects)");
    JavaFutureAction<List<TaskReport>> action =
        spark
            .parallelize(Collections.singletonList(shipment), 1)
            .map(new ExecutorTask(progress))
            .collectAsync();
    try {
      List<TaskReport> reports = action.get();
      return reports.get(0);
    } catch (InterruptedException e) {
      action.cancel(true); // stop: the task goes back to pending and runs again
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (spark.sc().isStopped()) {
        throw new IOException("Spark stopped while task " + id + " ran", cause);
      }
      throw new TaskRunner.AbortJobException(
          "Spark gave up on task " + id + " after its attempts failed: " + firstLine(cause), cause);
    }
  }

  private List<TaskEntry> readEntries(String jobName, TaskId id, String worker) throws IOException {
    List<TaskEntry> entries = new ArrayList<TaskEntry>();
    try (TaskFileReader reader =
        tree.openTask(jobName, new TaskRef(id, TaskState.DISPATCHED, worker))) {
      for (TaskEntry e = reader.next(); e != null; e = reader.next()) {
        entries.add(e);
      }
    }
    return entries;
  }

  private static String firstLine(Throwable t) {
    String text = String.valueOf(t.getMessage());
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
