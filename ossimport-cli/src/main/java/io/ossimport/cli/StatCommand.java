package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stat [detail]}: the job status in the original text shape (pollers grep {@code
 * JobState:Succeed}), or JSON lines ({@link StatFormat}), printed and kept in files ({@link
 * ReportOutput}); the exit code tells whether a job failed. With {@code --follow} ({@link
 * StatFollow}), one process reports a job until it ends.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the state of every job (or one), read from the working directory: works whether or"
          + " not the service runs.",
      "Exit code 3 when a job finished with failed tasks, 5 when a job was aborted.",
      "With --follow: prints the job's state every --interval seconds while it runs and once more"
          + " as soon as it ends (within a fraction of a second, whatever the interval), then"
          + " exits with the code above; 4 when no service runs the job (none appeared within"
          + " 60 s, or the one running stopped)."
    })
final class StatCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "detail",
      description = "Accepted for compatibility: the output always has the details.")
  String detail;

  @Option(
      names = {"-j", "--job"},
      paramLabel = "<jobName>",
      description = "Only this job (exit code 6 when it does not exist).")
  String jobName;

  @Mixin StatFormat format;

  @Mixin ReportOutput output;

  @Mixin StatFollow following;

  @Override
  public Integer call() throws Exception {
    if (detail != null && !"detail".equalsIgnoreCase(detail)) {
      throw new ParameterException(
          spec.commandLine(), "Unknown argument '" + detail + "': stat takes only 'detail'.");
    }
    following.check(spec.commandLine(), jobName);
    OssImport oss = cli.open(ImportListener.NONE);
    format.measureRates(following.follow);
    if (following.follow) {
      JobStatus last =
          following
              .run(oss, jobName, (status, ended) -> print(Collections.singletonList(status), ended))
              .last();
      return exitCodeOf(Collections.singletonList(last)).code();
    }
    List<JobStatus> jobs = oss.statJobs(jobName);
    print(jobs, true);
    return exitCodeOf(jobs).code();
  }

  /** Prints the report of {@code jobs}; once they ended, a line on stderr per aborted job. */
  private void print(List<JobStatus> jobs, boolean ended) throws IOException {
    output.print(format.render(jobs), cli.out, cli.err);
    for (JobStatus job : jobs) {
      if (ended && job.state() == JobState.Abort) {
        cli.err.println(Failures.WORDS.abortMessage(job));
      }
    }
  }

  /** OK unless a job failed (3) or was aborted (5); the worst job decides. */
  static ExitCode exitCodeOf(List<JobStatus> jobs) {
    ExitCode exit = ExitCode.OK;
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Failed) {
        exit = exit.worst(ExitCode.FAILED_TASKS);
      } else if (job.state() == JobState.Abort) {
        exit = exit.worst(ExitCode.RUNTIME);
      }
    }
    return exit;
  }
}
