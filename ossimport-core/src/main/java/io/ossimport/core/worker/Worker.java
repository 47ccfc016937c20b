package io.ossimport.core.worker;

import com.aliyun.oss.OSS;
import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.oss.CredentialRefresh;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.retry.Backoff;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.registry.Sources;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker role: runs dispatched tasks, object by object, into OSS.
 *
 * <p>Threads: {@code workerTaskThreadNum} object threads in all, shared by every task and job (a
 * task never has more objects in flight than that, so memory stays bounded), plus part threads for
 * multipart uploads, at most {@code uploadThreadNumPerLargeFile} per large object. Throughput: one
 * {@link ThroughputLimiter} of {@code workerMaxThroughput(KB/s)} shared by every read of every
 * thread (0 = unlimited).
 *
 * <p>Per object: see {@link ObjectUpload}; what each failure means: {@link
 * io.ossimport.core.oss.OssFailures}; what is written where: {@code docs/JOB-TREE.md} §3.5, §3.9.
 */
public final class Worker implements AutoCloseable {
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final SysConfig sys;
  private final ThroughputLimiter limiter;
  private final ThreadPoolExecutor objectPool;
  private final ThreadPoolExecutor partPool;
  private final WorkerResources resources;
  private final ObjectConcurrency concurrency;
  private final ConcurrentHashMap<String, TaskRun> running = new ConcurrentHashMap<>();

  /**
   * Threads: workerTaskThreadNum objects at once in all (shared by every task and job), plus part
   * uploads. Throughput: one ThroughputLimiter of workerMaxThroughput(KB/s).
   */
  public Worker(SysConfig sys, ImportListener events) {
    this(sys, events, Backoff.standard());
  }

  /** As {@link #Worker(SysConfig, ImportListener)} with another backoff (tests use short ones). */
  Worker(SysConfig sys, ImportListener events, Backoff backoff) {
    this.sys = Objects.requireNonNull(sys, "sys");
    int threads = Math.max(1, sys.workerTaskThreadNum());
    // Adjustable: the service re-reads the cap while it runs (ThroughputControl).
    this.limiter = ThroughputLimiter.adjustable(sys.workerMaxThroughputKbPerSecond());
    this.objectPool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(),
            daemonThreads("ossimport-worker-"));
    this.objectPool.allowCoreThreadTimeOut(true);
    this.concurrency =
        new ObjectConcurrency(
            threads, sys.workerMaxTaskThreadNum(), limiter, this::resizeObjectPool);
    // Bounded in practice: each object thread keeps at most uploadThreadNumPerLargeFile parts.
    this.partPool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<Runnable>(),
            daemonThreads("ossimport-part-"));
    this.resources =
        new WorkerResources(
            objectPool,
            partPool,
            concurrency,
            limiter,
            backoff,
            sys.workerRecordMd5(),
            sys.workerAbortWhenUncatchedException(),
            Objects.requireNonNull(events, "events"));
  }

  /** Per job: opens the source (Sources.open) and the OSS client for the destination. */
  public JobRuntime openJob(JobTree tree, String jobName, JobConfig config) throws IOException {
    Source source;
    try {
      source = Sources.open(config);
    } catch (UnsupportedOperationException e) {
      throw new IOException("job " + jobName + ": " + e.getMessage(), e);
    }
    return openJob(tree, jobName, config, source);
  }

  /** As {@link #openJob(JobTree, String, JobConfig)} over a given source (tests wrap one). */
  JobRuntime openJob(JobTree tree, String jobName, JobConfig config, Source source) {
    int partsPerObject =
        PartSizing.partsInFlight(Integer.MAX_VALUE, config.uploadThreadNumPerLargeFile());
    OSS client = OssClients.create(config, resources.concurrency.ceiling() * (1 + partsPerObject));
    return new JobRuntime(
        tree,
        jobName,
        config,
        source,
        new OssDestination(client, config.destBucket()),
        new CredentialRefresh(client, config));
  }

  /**
   * Runs a task that is in dispatched/&lt;workerName&gt; to its end and returns the outcome that
   * the caller passes to JobTree.complete. Blocks the calling thread; the objects run on the shared
   * pool. Resumes from the task's progress log under worker/jobs (entries DONE are not sent again;
   * entries BEGIN-but-not-DONE are checked with one HEAD against size and CRC-64 before re-sending;
   * multipart uploads continue from their MultipartRecord). On interrupt (graceful stop): in-flight
   * objects finish or are recorded for resume, then InterruptedException.
   *
   * @throws WorkerAbortException when an object met an unexpected exception and {@code
   *     workerAbortWhenUncatchedException=true}: the job is to be set to Abort
   * @throws IOException when the task's files cannot be read or written
   */
  public TaskOutcome runTask(JobRuntime job, TaskId id, String workerName)
      throws IOException, InterruptedException {
    TaskRun run = new TaskRun(resources, job, id, workerName);
    String name = job.jobName() + "/" + id;
    if (running.putIfAbsent(name, run) != null) {
      throw new IllegalStateException("task " + name + " is already running in this worker");
    }
    try {
      return run.run();
    } finally {
      running.remove(name, run);
    }
  }

  /**
   * Bytes/objects done of a running task, for stat (also readable from the tree by anyone); null
   * when the task does not run in this worker.
   */
  public TaskStats taskStats(String jobName, TaskId id) {
    TaskRun run = running.get(jobName + "/" + id);
    return run == null ? null : run.counters.snapshot();
  }

  /**
   * Sets the bandwidth cap of every read of this worker to {@code kilobytesPerSecond} (0 = none).
   */
  public void setThroughputCap(long kilobytesPerSecond) {
    limiter.setKilobytesPerSecond(kilobytesPerSecond);
  }

  /** The bandwidth cap in KB/s now; 0 = none. */
  public long throughputCap() {
    return limiter.kilobytesPerSecond();
  }

  /**
   * The most objects this worker ever moves at once: {@code workerMaxTaskThreadNum} within what the
   * heap allows ({@code workerTaskThreadNum} when that key is empty).
   */
  public int mostObjectsInFlight() {
    return concurrency.ceiling();
  }

  /** Objects in flight now ({@link ObjectConcurrency}), for tests. */
  int objectWidth() {
    return concurrency.width();
  }

  /** Grows or shrinks the object pool; its queue holds what the threads have not taken yet. */
  private void resizeObjectPool(int threads) {
    if (threads > objectPool.getMaximumPoolSize()) {
      objectPool.setMaximumPoolSize(threads);
      objectPool.setCorePoolSize(threads);
    } else {
      objectPool.setCorePoolSize(threads);
      objectPool.setMaximumPoolSize(threads);
    }
  }

  /**
   * Bytes each object in flight of a running task has sent so far (confirmed parts plus open
   * requests), by entry index; empty when the task does not run in this worker.
   */
  public Map<Integer, Long> bytesSending(String jobName, TaskId id) {
    TaskRun run = running.get(jobName + "/" + id);
    return run == null ? Collections.<Integer, Long>emptyMap() : run.counters.sendingSnapshot();
  }

  /** The one limiter every read of this worker goes through. */
  ThroughputLimiter limiter() {
    return limiter;
  }

  /**
   * Stops the pools: running tasks start no new object, their in-flight objects get up to 30 s to
   * finish (or be recorded for resume), then threads are interrupted.
   */
  @Override
  public void close() {
    for (TaskRun run : running.values()) {
      run.stop.request();
    }
    objectPool.shutdown();
    partPool.shutdown();
    try {
      if (!objectPool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        objectPool.shutdownNow();
      }
      if (!partPool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        partPool.shutdownNow();
      }
    } catch (InterruptedException e) {
      objectPool.shutdownNow();
      partPool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Worker{" + concurrency + ", sys=" + sys + "}";
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
