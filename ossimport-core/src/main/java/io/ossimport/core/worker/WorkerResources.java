package io.ossimport.core.worker;

import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.retry.Backoff;
import java.util.concurrent.ExecutorService;

/** What every task run of a worker shares: the pools, the throughput limiter, the settings. */
final class WorkerResources {
  final ExecutorService objectPool;
  final ExecutorService partPool;
  final ObjectConcurrency concurrency;
  final ThroughputLimiter limiter;
  final Backoff backoff;
  final boolean recordMd5;
  final boolean abortOnUnexpected;
  final ImportListener events;

  WorkerResources(
      ExecutorService objectPool,
      ExecutorService partPool,
      ObjectConcurrency concurrency,
      ThroughputLimiter limiter,
      Backoff backoff,
      boolean recordMd5,
      boolean abortOnUnexpected,
      ImportListener events) {
    this.objectPool = objectPool;
    this.partPool = partPool;
    this.concurrency = concurrency;
    this.limiter = limiter;
    this.backoff = backoff;
    this.recordMd5 = recordMd5;
    this.abortOnUnexpected = abortOnUnexpected;
    this.events = events;
  }
}
