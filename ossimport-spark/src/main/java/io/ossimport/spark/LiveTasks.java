package io.ossimport.spark;

import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.tracker.BytesInFlight;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import scala.Tuple4;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * The driver's side of live progress: the tasks out on executors, by the id of their {@link
 * LiveProgress.Accumulator}. Each executor heartbeat's snapshot of a task goes into the task's
 * worker files (its progress log and multipart records, each file replaced atomically), where
 * {@code stat} in any process reads them as a standalone worker's; the bytes in flight are this
 * driver's {@link BytesInFlight}, for its own progress line.
 *
 * <p>A snapshot of an earlier attempt than one already written (a late heartbeat of a lost
 * executor) is ignored, as is any after the task's end ({@link #close}): its final report then
 * replaces the files, and the tally counts that report only.
 */
final class LiveTasks extends SparkListener implements BytesInFlight {
  private final Map<Long, LiveTask> byAccumulator = new ConcurrentHashMap<>();
  private final Map<String, LiveTask> byTask = new ConcurrentHashMap<>();

  /** One task out on an executor. */
  static final class LiveTask {
    private final long accumulatorId;
    private final String key;
    private final WorkerTaskFiles files;
    private int attempt = -1;
    private LiveProgress written;
    private volatile Map<Integer, Long> sending = Collections.emptyMap();
    private boolean closed;
    private IOException failure;

    private LiveTask(long accumulatorId, String key, WorkerTaskFiles files) {
      this.accumulatorId = accumulatorId;
      this.key = key;
      this.files = files;
    }

    synchronized void accept(LiveProgress progress) {
      if (closed || progress.attempt < attempt) {
        return;
      }
      if (progress.attempt > attempt) {
        attempt = progress.attempt;
        written = null;
      }
      try {
        if (!progress.sameFilesAs(written)) {
          files.writeReportedProgress(progress.progressLog());
          files.writeReportedUploads(progress.uploads);
          written = progress;
        }
        sending = progress.bytesSending;
      } catch (IOException e) {
        failure = e; // stat shows the task as of the last snapshot written; the end is unaffected
      }
    }

    /** The last error writing a snapshot, or {@code null}. */
    synchronized IOException failure() {
      return failure;
    }

    private synchronized void close() {
      closed = true;
      sending = Collections.emptyMap();
    }
  }

  /** Follows task {@code id} of {@code job}, whose snapshots ride on accumulator {@code id}. */
  LiveTask open(long accumulatorId, String job, TaskId id, WorkerTaskFiles files) {
    LiveTask task = new LiveTask(accumulatorId, key(job, id), files);
    byTask.put(task.key, task);
    byAccumulator.put(accumulatorId, task);
    return task;
  }

  /**
   * Stops following the task: once this returns, no snapshot is written into its files any more.
   */
  void close(LiveTask task) {
    byAccumulator.remove(task.accumulatorId);
    byTask.remove(task.key, task);
    task.close(); // waits for a snapshot being written
  }

  @Override
  public Map<Integer, Long> of(String job, TaskId task) {
    LiveTask live = byTask.get(key(job, task));
    return live == null ? Collections.<Integer, Long>emptyMap() : live.sending;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    if (byAccumulator.isEmpty()) {
      return;
    }
    Iterator<Tuple4<Object, Object, Object, Seq<AccumulableInfo>>> tasks =
        update.accumUpdates().iterator();
    while (tasks.hasNext()) {
      Iterator<AccumulableInfo> infos = tasks.next()._4().iterator();
      while (infos.hasNext()) {
        AccumulableInfo info = infos.next();
        LiveTask task = byAccumulator.get(info.id());
        if (task != null && info.update().isDefined()) {
          Object value = info.update().get();
          if (value instanceof LiveProgress) {
            task.accept((LiveProgress) value);
          }
        }
      }
    }
  }

  private static String key(String job, TaskId id) {
    return job + "/" + id;
  }
}
