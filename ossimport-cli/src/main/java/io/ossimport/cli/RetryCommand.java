package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RetryResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code retry [jobName]}: moves failed tasks back to pending; only their failed objects are
 * redone.
 */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description = {
      "Moves the failed tasks of a job (without a name: of every job) back to pending; the"
          + " running service picks them up and redoes only the objects that failed."
    })
final class RetryCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<jobName>",
      description = "The job (default: every job with failed tasks).")
  String jobName;

  @Override
  public Integer call() throws Exception {
    OssImport oss = cli.open(ImportListener.NONE);
    if (jobName != null) {
      print(oss.retry(jobName));
      return ExitCode.OK.code();
    }
    boolean any = false;
    for (JobStatus job : oss.stat()) {
      if (job.failedTasks() > 0) {
        print(oss.retry(job.jobName()));
        any = true;
      }
    }
    if (!any) {
      cli.out.println("None failed tasks.");
    }
    return ExitCode.OK.code();
  }

  private void print(RetryResult result) {
    if (result.tasksRequeued() == 0) {
      cli.out.println("None failed tasks for job:" + result.jobName() + ".");
    } else {
      cli.out.println(
          "Retry job:"
              + result.jobName()
              + ": "
              + result.tasksRequeued()
              + " failed tasks ("
              + result.objectsToRedo()
              + " objects) moved back to pending.");
    }
  }
}
