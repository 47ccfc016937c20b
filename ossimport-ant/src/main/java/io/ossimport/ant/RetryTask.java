package io.ossimport.ant;

import io.ossimport.core.api.RetryResult;

/**
 * {@code <ossimport:retry workdir="work" jobname="local_test"/>}: moves the failed tasks of a job
 * back to pending; the next start redoes only their failed objects.
 */
public class RetryTask extends AbstractJobTask {
  @Override
  protected void run(AntRunner runner) {
    final String name = singleJobName(runner);
    RetryResult result = runner.run(ossImport -> ossImport.retry(name));
    if (result.tasksRequeued() == 0) {
      log("None failed tasks for job:" + name + ".");
      return;
    }
    log(
        "Retry has been submitted: "
            + result.tasksRequeued()
            + " failed task(s) of job "
            + name
            + " are pending again ("
            + result.objectsToRedo()
            + " objects to redo); run the start task.");
  }
}
