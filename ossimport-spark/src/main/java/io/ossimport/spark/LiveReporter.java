package io.ossimport.spark;

import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.RecordedProgress.EntryProgress;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;

/**
 * On the executor, while the worker runs a task: every half heartbeat interval, puts what the
 * worker has done so far into the task's {@link LiveProgress.Accumulator}, which the next heartbeat
 * carries to the driver. The bytes in flight are taken before the progress log is read, as {@code
 * stat}'s reader takes them, so an object that completes in between is counted once.
 */
final class LiveReporter implements AutoCloseable {
  private final LiveProgress.Accumulator accumulator;
  private final int attempt;
  private final WorkerTaskFiles files;
  private final Worker worker;
  private final String jobName;
  private final TaskId id;
  private final int entries;
  private final Path summaryFile;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;
  private LiveProgress last;

  /**
   * Reports task {@code id} of the worker's, once {@link #start}ed; {@code scratch} is a private
   * directory for the summary log.
   */
  LiveReporter(
      LiveProgress.Accumulator accumulator,
      int attempt,
      WorkerTaskFiles files,
      Worker worker,
      String jobName,
      TaskId id,
      int entries,
      Path scratch) {
    this.accumulator = accumulator;
    this.attempt = attempt;
    this.files = files;
    this.worker = worker;
    this.jobName = jobName;
    this.id = id;
    this.entries = entries;
    this.summaryFile = scratch.resolve("live-progress.log");
    this.thread = new Thread(this::run, "ossimport-live-" + id);
    thread.setDaemon(true);
  }

  LiveReporter start() {
    thread.start();
    return this;
  }

  /** Stops reporting and clears the accumulator: the task's report says it all now. */
  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join();
    accumulator.reset();
  }

  private void run() {
    long interval = interval();
    try {
      do {
        try {
          report();
        } catch (IOException | RuntimeException e) {
          // the next round tries again; the task's report at its end does not depend on this
        }
      } while (!stop.await(interval, TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void report() throws IOException {
    Map<Integer, Long> sending = worker.bytesSending(jobName, id);
    Map<Integer, byte[]> uploads = files.multipartRecordBytes();
    LiveProgress now = new LiveProgress(attempt, summary(files.readProgress()), sending, uploads);
    if (!now.sameAs(last)) {
      accumulator.add(now);
      last = now;
    }
  }

  /**
   * The progress log with each entry's last event only: as much as stat counts, a line an entry,
   * written by core's own {@link ProgressLog} (so in its format), where the worker's log has a
   * BEGIN and a DONE with CRC-64 and ETag for each object.
   */
  private byte[] summary(RecordedProgress progress) throws IOException {
    Files.deleteIfExists(summaryFile);
    try (ProgressLog log = ProgressLog.open(summaryFile)) {
      for (int i = 0; i < entries; i++) {
        EntryProgress entry = progress.entry(i);
        switch (entry.state()) {
          case BEGUN:
            log.begin(i);
            break;
          case DONE:
            log.done(i, null, null);
            break;
          case FAILED:
            log.failed(i, entry.reason());
            break;
          default:
            break;
        }
      }
    }
    return Files.readAllBytes(summaryFile);
  }

  /** Half the heartbeat interval (so each heartbeat carries news), from 100 ms to 5 s. */
  private static long interval() {
    SparkEnv env = SparkEnv.get();
    long heartbeat = env == null ? 10_000 : env.conf().getTimeAsMs(SparkImport.HEARTBEAT, "10s");
    return Math.max(100, Math.min(5_000, heartbeat / 2));
  }
}
