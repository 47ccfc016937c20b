package io.ossimport.core.tracker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import java.io.IOException;

/**
 * Runs dispatched tasks: the worker in the service, simple fakes in the tracker's tests. The
 * tracker decides which task runs when and what becomes of it; the runner moves the objects.
 */
public interface TaskRunner {

  /** What the runner has sent of the objects in flight (none, by default). */
  default BytesInFlight bytesInFlight() {
    return BytesInFlight.NONE;
  }

  /** Opens what running a job's tasks needs (its source, an OSS client). */
  JobTasks openJob(String jobName, JobConfig config) throws IOException;

  /** The tasks of one open job; closed when the job has nothing left to run. */
  interface JobTasks extends AutoCloseable {
    /**
     * Runs the task in {@code dispatched/<worker>} to its end, resuming from its progress log, and
     * returns its outcome for {@code JobTree.complete}.
     *
     * @throws InterruptedException when stopped: objects in flight finished or were recorded
     * @throws AbortJobException when the worker gave up on the job ({@code Abort})
     * @throws IOException when the task could not be run now (it goes back to pending)
     */
    TaskOutcome run(TaskId id, String worker)
        throws AbortJobException, IOException, InterruptedException;

    @Override
    void close();
  }

  /**
   * The worker met an unexpected error and is configured to give up on the job ({@code
   * workerAbortWhenUncatchedException=true}): the job goes to {@code Abort}.
   */
  final class AbortJobException extends Exception {
    private static final long serialVersionUID = 1L;

    public AbortJobException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
