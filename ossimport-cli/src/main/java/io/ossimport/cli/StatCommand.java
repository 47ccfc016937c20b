package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.StatReport;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stat [detail]}: the job status in the original text shape (pollers grep {@code
 * JobState:Succeed}), or JSON lines; the exit code tells whether a job failed.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the state of every job (or one), read from the working directory: works whether or"
          + " not the service runs.",
      "Exit code 3 when a job finished with failed tasks, 5 when a job was aborted."
    })
final class StatCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

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

  @ArgGroup(exclusive = true)
  Format format = new Format();

  @Option(
      names = "--rate-file",
      paramLabel = "<file>",
      description =
          "With --progress: keeps the first sample of each job here, so the rate is the average"
              + " since then (the import scripts poll with one process per call).")
  Path rateFile;

  /** Text (the default), JSON lines, or text followed by a progress line per job. */
  static final class Format {
    @Option(names = "--json", description = "One JSON object per job, one per line.")
    boolean json;

    @Option(
        names = "--progress",
        description = "After the text, one line per job: files, bytes, rate, ETA, failures.")
    boolean progress;
  }

  @Override
  public Integer call() throws Exception {
    if (detail != null && !"detail".equalsIgnoreCase(detail)) {
      throw new picocli.CommandLine.ParameterException(
          cli.spec.commandLine().getSubcommands().get("stat"),
          "Unknown argument '" + detail + "': stat takes only 'detail'.");
    }
    OssImport oss = cli.open(ImportListener.NONE);
    List<JobStatus> jobs =
        jobName == null ? oss.stat() : Collections.singletonList(oss.stat(jobName));
    if (format.json) {
      cli.out.print(StatReport.jsonLines(jobs));
    } else {
      cli.out.print(StatReport.text(jobs));
    }
    if (format.progress) {
      long now = System.currentTimeMillis();
      ProgressSamples samples = rateFile == null ? null : new ProgressSamples(rateFile);
      for (JobStatus job : jobs) {
        ProgressLine.Sample base = samples == null ? null : samples.baseFor(job, now);
        cli.out.println(ProgressLine.format(job, base, now));
      }
    }
    cli.out.flush();
    return exitCodeOf(jobs).code();
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
