package io.ossimport.core.worker;

import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.source.Source;
import java.util.concurrent.ExecutorService;

/** What the objects of one running task share. */
final class TaskContext {
  final JobRuntime job;
  final WorkerTaskFiles files;
  final TaskLogs logs;
  final Attempts attempts;
  final StopSignal stop;
  final ThroughputLimiter limiter;
  final ExecutorService partPool;
  final boolean recordMd5;
  final TaskCounters counters;

  /** isSkipExistFile by listing, or {@code null}: a HEAD per object. */
  final SkipListing skipListing;

  TaskContext(
      JobRuntime job,
      WorkerTaskFiles files,
      TaskLogs logs,
      Attempts attempts,
      StopSignal stop,
      ThroughputLimiter limiter,
      ExecutorService partPool,
      boolean recordMd5,
      TaskCounters counters,
      SkipListing skipListing) {
    this.job = job;
    this.files = files;
    this.logs = logs;
    this.attempts = attempts;
    this.stop = stop;
    this.limiter = limiter;
    this.partPool = partPool;
    this.recordMd5 = recordMd5;
    this.counters = counters;
    this.skipListing = skipListing;
  }

  Source source() {
    return job.source();
  }

  OssDestination destination() {
    return job.destination();
  }

  JobConfig config() {
    return job.config();
  }
}
