package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobFollow;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.StatReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stat [detail]}: the job status in the original text shape (pollers grep {@code
 * JobState:Succeed}), or JSON lines; the exit code tells whether a job failed. With {@code
 * --follow}, one process reports a job until it ends: core's {@link JobFollow} decides when, this
 * command prints each report and maps the end to an exit code.
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
  /** Seconds between two reports of --follow when --interval is not given. */
  static final double DEFAULT_INTERVAL_SECONDS = 5;

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

  @ArgGroup(exclusive = true)
  Format format = new Format();

  @Option(
      names = "--rate-file",
      paramLabel = "<file>",
      description =
          "With --progress: keeps each job's recent samples here, so the rate is measured over"
              + " the last 30 s across calls (the import scripts keep it across retries).")
  Path rateFile;

  @Option(
      names = {"-f", "--follow"},
      description =
          "With --job: report the job every --interval seconds until it leaves Running, then"
              + " report it at once and exit (one process instead of one per poll).")
  boolean follow;

  @Option(
      names = "--interval",
      paramLabel = "<seconds>",
      description =
          "With --follow: seconds between two reports (default: 5; import.sh passes"
              + " OSSIMPORT_POLL_SECONDS).")
  Double intervalSeconds;

  @Option(
      names = "--log-file",
      paramLabel = "<file>",
      description = "Also append every report to this file (the import scripts: logs/import.log).")
  Path logFile;

  @Option(
      names = "--status-file",
      paramLabel = "<file>",
      description =
          "Keep the latest report in this file, replaced at each report (the import scripts:"
              + " logs/job_stat.log).")
  Path statusFile;

  /** How long --follow waits for a service to appear; tests shorten it. */
  long serviceStartMillis = JobFollow.SERVICE_START_MILLIS;

  /** Text (the default), JSON lines, or text followed by a progress line per job. */
  static final class Format {
    @Option(names = "--json", description = "One JSON object per job, one per line.")
    boolean json;

    @Option(
        names = "--progress",
        description = "After the text, one line per job: objects, bytes, rate, ETA, failures.")
    boolean progress;
  }

  private ProgressSamples samples;

  @Override
  public Integer call() throws Exception {
    checkArguments();
    OssImport oss = cli.open(ImportListener.NONE);
    ReportOutput output = new ReportOutput(cli.out, cli.err, logFile, statusFile);
    samples = rateFile != null || follow ? new ProgressSamples(rateFile) : null;
    if (follow) {
      return follow(oss, output).code();
    }
    List<JobStatus> jobs = oss.statJobs(jobName);
    output.print(report(jobs));
    explainAborts(jobs);
    return exitCodeOf(jobs).code();
  }

  /**
   * Reports the job until it ends (each report printed, the aborted end explained); the exit code
   * of its end.
   *
   * @throws CommandFailure SERVICE_STATE when no service runs the job, after a last report
   */
  private ExitCode follow(OssImport oss, ReportOutput output)
      throws OssImportException, IOException, InterruptedException, CommandFailure {
    JobFollow.Result result =
        new JobFollow(
                JobFollow.of(oss, jobName),
                JobFollow.Clock.SYSTEM,
                Math.round(intervalSeconds() * 1000),
                serviceStartMillis,
                (status, ended) -> {
                  output.print(report(Collections.singletonList(status)));
                  if (ended) {
                    explainAborts(Collections.singletonList(status));
                  }
                })
            .follow();
    if (result.end() == JobFollow.End.SERVICE_GONE) {
      throw new CommandFailure(
          ExitCode.SERVICE_STATE,
          "no import service is running on "
              + oss.workingDir()
              + ", so job "
              + jobName
              + " cannot finish; start the service (console.sh start) and follow it again.");
    }
    return exitCodeOf(Collections.singletonList(result.last()));
  }

  /** One line on stderr per aborted job: the cause and the way back (the exit code is 5). */
  private void explainAborts(List<JobStatus> jobs) {
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Abort) {
        cli.err.println(Failures.WORDS.abortMessage(job));
      }
    }
  }

  private void checkArguments() {
    if (detail != null && !"detail".equalsIgnoreCase(detail)) {
      throw new ParameterException(
          spec.commandLine(), "Unknown argument '" + detail + "': stat takes only 'detail'.");
    }
    if (follow && jobName == null) {
      throw new ParameterException(
          spec.commandLine(), "--follow needs the job to follow: add --job <jobName>.");
    }
    if (intervalSeconds != null && !follow) {
      throw new ParameterException(
          spec.commandLine(), "--interval is the period of --follow: add --follow or drop it.");
    }
    double interval = intervalSeconds();
    if (!(interval >= 0.001 && interval <= 86400)) {
      throw new ParameterException(
          spec.commandLine(),
          "--interval="
              + given("--interval")
              + ": must be a number of seconds from 0.001 to 86400, e.g. --interval 5.");
    }
  }

  /** The text the user typed for {@code option}. */
  private String given(String option) {
    OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
    return matched == null ? "" : String.join(" ", matched.originalStringValues());
  }

  private double intervalSeconds() {
    return intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
  }

  /** The report of {@code jobs}: the text or JSON, then the progress lines if asked for. */
  private String report(List<JobStatus> jobs) throws IOException {
    List<JobStatus> measured = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (JobStatus job : jobs) {
      measured.add(samples == null ? job : samples.measure(job, now));
    }
    StringBuilder report =
        new StringBuilder(format.json ? StatReport.jsonLines(measured) : StatReport.text(measured));
    if (format.progress) {
      for (JobStatus job : measured) {
        report.append(ProgressLine.format(job)).append(System.lineSeparator());
      }
    }
    return report.toString();
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
