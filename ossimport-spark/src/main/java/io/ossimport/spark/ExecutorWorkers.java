package io.ossimport.spark;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.worker.Worker;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one {@link Worker} of an executor JVM, shared by the Spark tasks it runs at once: one object
 * pool of {@code workerTaskThreadNum} threads and one throughput limiter, so {@code
 * workerMaxThroughput(KB/s)} caps each executor as it caps a standalone machine. Made again only
 * when a task brings other system keys (another driver in the same JVM, as in local-mode tests).
 */
final class ExecutorWorkers {
  private static Worker worker;
  private static Map<String, String> workerKeys;

  private ExecutorWorkers() {}

  static synchronized Worker forSettings(SysConfig sys, Map<String, String> sysKeys) {
    if (worker == null || !workerKeys.equals(sysKeys)) {
      if (worker != null) {
        worker.close();
      }
      worker = new Worker(sys, EXECUTOR_LOG);
      workerKeys = new TreeMap<String, String>(sysKeys);
    }
    return worker;
  }

  /** The worker's events go to the executor's standard error (Spark keeps it as the stderr log). */
  private static final ImportListener EXECUTOR_LOG =
      new ImportListener() {
        @Override
        public void onEvent(ImportEvent event) {
          if (!event.isProgress() && event.level() != ImportEvent.Level.DEBUG) {
            System.err.println(
                "[ossimport-executor] ["
                    + event.level()
                    + "] "
                    + (event.jobName() == null ? "" : event.jobName() + ": ")
                    + event.message());
          }
        }
      };
}
