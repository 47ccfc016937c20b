package io.ossimport.core.service;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.tracker.BytesInFlight;
import io.ossimport.core.tracker.TaskRunner;
import io.ossimport.core.worker.JobRuntime;
import io.ossimport.core.worker.Worker;
import io.ossimport.core.worker.WorkerAbortException;
import java.io.IOException;

/** The tracker's {@link TaskRunner} over the {@link Worker}. */
final class WorkerTaskRunner implements TaskRunner {
  private final Worker worker;
  private final JobTree tree;

  WorkerTaskRunner(Worker worker, JobTree tree) {
    this.worker = worker;
    this.tree = tree;
  }

  @Override
  public BytesInFlight bytesInFlight() {
    return worker::bytesSending;
  }

  @Override
  public JobTasks openJob(String jobName, JobConfig config) throws IOException {
    final JobRuntime runtime = worker.openJob(tree, jobName, config);
    return new JobTasks() {
      @Override
      public TaskOutcome run(TaskId id, String workerName)
          throws AbortJobException, IOException, InterruptedException {
        try {
          return worker.runTask(runtime, id, workerName);
        } catch (WorkerAbortException e) {
          throw new AbortJobException(e.getMessage(), e);
        }
      }

      @Override
      public void close() {
        runtime.close();
      }
    };
  }
}
