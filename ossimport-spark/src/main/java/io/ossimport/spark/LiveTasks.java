package io.ossimport.spark;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.tracker.BytesInFlight;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * <p>Spark's listener bus only records a task's latest snapshot here and returns: with hundreds of
 * tasks, hundreds of fsyncs a heartbeat round on the bus thread would fill Spark's event queue and
 * have it drop our events. One daemon thread of ours writes them, the newest pending snapshot of
 * each task (one a task at most: a snapshot replaced before it was written is never written).
 *
 * <p>A snapshot of an earlier attempt than one already accepted (a late heartbeat of a lost
 * executor) is ignored, as is any after the task's end ({@link #close(LiveTask)}): its final report
 * then replaces the files, and the tally counts that report only.
 */
final class LiveTasks extends SparkListener implements BytesInFlight, AutoCloseable {
  /** Writes a snapshot into a task's worker files. */
  interface SnapshotWriter {
    void write(WorkerTaskFiles files, LiveProgress progress) throws IOException;
  }

  /** The worker files' own writes: the progress log, then the multipart records. */
  static final SnapshotWriter FILES =
      new SnapshotWriter() {
        @Override
        public void write(WorkerTaskFiles files, LiveProgress progress) throws IOException {
          files.writeReportedProgress(progress.progressLog());
          files.writeReportedUploads(progress.uploads);
        }
      };

  private static final Runnable STOP =
      new Runnable() {
        @Override
        public void run() {}
      };

  private final Map<Long, LiveTask> byAccumulator = new ConcurrentHashMap<>();
  private final Map<String, LiveTask> byTask = new ConcurrentHashMap<>();

  /** Each task at most once: it is queued when a snapshot is pending and none was before. */
  private final BlockingQueue<Runnable> writes = new LinkedBlockingQueue<>();

  private final ImportListener events;
  private final SnapshotWriter writer;
  private final Thread thread;
  private volatile boolean stopped;

  /** Writes through {@code writer}; a task's first failed write goes to {@code events}. */
  LiveTasks(ImportListener events, SnapshotWriter writer) {
    this.events = events;
    this.writer = writer;
    this.thread = new Thread(this::writeAll, "ossimport-live-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** One task out on an executor. */
  final class LiveTask {
    private final long accumulatorId;
    private final String jobName;
    private final TaskId id;
    private final WorkerTaskFiles files;

    /** Held while a snapshot is written: the task's end ({@link #close()}) waits for it. */
    private final Object writing = new Object();

    private final Runnable write = this::writePending;
    // under this task's lock
    private int attempt = -1;
    private LiveProgress pending;
    private boolean queued;
    private boolean closed;
    // under writing
    private LiveProgress written;
    private IOException failure;

    private volatile Map<Integer, Long> sending = Collections.emptyMap();

    private LiveTask(long accumulatorId, String jobName, TaskId id, WorkerTaskFiles files) {
      this.accumulatorId = accumulatorId;
      this.jobName = jobName;
      this.id = id;
      this.files = files;
    }

    /**
     * Takes a snapshot from a heartbeat, to be written by the writer thread, unless it is an
     * earlier attempt's than one taken before or the task has ended. Does not wait for a write.
     */
    void accept(LiveProgress progress) {
      synchronized (this) {
        if (closed || stopped || progress.attempt < attempt) {
          return;
        }
        attempt = progress.attempt;
        pending = progress;
        sending = progress.bytesSending;
        if (queued) {
          return; // the writer will take this one instead of the one it replaced
        }
        queued = true;
      }
      writes.add(write);
    }

    /** The first error writing a snapshot, or {@code null}. */
    IOException failure() {
      synchronized (writing) {
        return failure;
      }
    }

    private void writePending() {
      synchronized (writing) {
        LiveProgress progress;
        synchronized (this) {
          queued = false;
          progress = pending;
          pending = null;
          if (closed || stopped || progress == null) {
            return;
          }
        }
        if (written != null
            && written.attempt == progress.attempt
            && progress.sameFilesAs(written)) {
          return;
        }
        try {
          writer.write(files, progress);
          written = progress;
        } catch (IOException | RuntimeException e) {
          failed(e instanceof IOException ? (IOException) e : new IOException(e.toString(), e));
        }
      }
    }

    /** Logs the task's first failure only: the next heartbeat would fail the same way. */
    private void failed(IOException e) {
      if (failure != null) {
        return;
      }
      failure = e;
      events.onEvent(
          ImportEvent.log(
              ImportEvent.Level.WARN,
              jobName,
              "task "
                  + id
                  + ": its live progress could not be written into "
                  + files.dir()
                  + " ("
                  + e.getMessage()
                  + "), so stat shows less than is done until the task ends; check that disk"));
    }

    /** Waits for a snapshot being written; drops the pending one. */
    private void close() {
      synchronized (this) {
        closed = true; // before waiting: the writer may take the lock first, then sees it
        pending = null;
        sending = Collections.emptyMap();
      }
      synchronized (writing) {
        // the write in progress has ended; none begins any more
      }
    }
  }

  /** Follows task {@code id} of {@code job}, whose snapshots ride on accumulator {@code id}. */
  LiveTask open(long accumulatorId, String job, TaskId id, WorkerTaskFiles files) {
    LiveTask task = new LiveTask(accumulatorId, job, id, files);
    byTask.put(key(job, id), task);
    byAccumulator.put(accumulatorId, task);
    return task;
  }

  /**
   * Stops following the task: once this returns, no snapshot is written into its files any more.
   */
  void close(LiveTask task) {
    byAccumulator.remove(task.accumulatorId);
    byTask.remove(key(task.jobName, task.id), task);
    task.close(); // waits for a snapshot being written
  }

  /**
   * Stops the writer thread, after a write in progress: once this returns nothing is written any
   * more. Pending snapshots are dropped.
   */
  @Override
  public void close() {
    stopped = true;
    writes.add(STOP);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // the caller's interrupt: finish stopping first
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the snapshots accepted before the call are written (or dropped). */
  void awaitWrites() throws InterruptedException {
    final CountDownLatch done = new CountDownLatch(1);
    writes.add(done::countDown);
    while (!done.await(100, TimeUnit.MILLISECONDS) && thread.isAlive()) {
      // the writer is busy
    }
  }

  /** Whether the writer thread runs. */
  boolean writerAlive() {
    return thread.isAlive();
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

  private void writeAll() {
    try {
      for (Runnable next = writes.take(); next != STOP; next = writes.take()) {
        next.run(); // a task's write catches its own failures: the thread goes on
      }
    } catch (InterruptedException e) {
      // nobody interrupts it but the JVM's end
    }
    for (Runnable next = writes.poll(); next != null; next = writes.poll()) {
      next.run(); // stopped: the tasks' return at once, a waiting awaitWrites is let go
    }
  }

  private static String key(String job, TaskId id) {
    return job + "/" + id;
  }
}
