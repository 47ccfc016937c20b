package io.ossimport.core.worker;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import java.io.IOException;

/**
 * PLACEHOLDER (branch core-engine only): the signatures of the worker that branch core-worker
 * implements, so that the engine compiles. Deleted when core-worker is merged.
 */
public final class Worker implements AutoCloseable {
  public Worker(SysConfig sys, ImportListener events) {}

  public JobRuntime openJob(JobTree tree, String jobName, JobConfig config) throws IOException {
    throw new UnsupportedOperationException("placeholder: merge branch core-worker");
  }

  public TaskOutcome runTask(JobRuntime job, TaskId id, String workerName)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("placeholder: merge branch core-worker");
  }

  @Override
  public void close() {}
}
