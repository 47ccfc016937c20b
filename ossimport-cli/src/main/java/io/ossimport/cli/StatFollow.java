package io.ossimport.cli;

import io.ossimport.core.api.JobFollow;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code stat --follow}, a picocli mixin: its options, their checks, and the follow itself, core's
 * {@link JobFollow} with the system clock; the front end's part is what to do with each report and
 * the one failure of the command's own, no service to run the job.
 */
final class StatFollow {
  /** Seconds between two reports of --follow when --interval is not given. */
  static final double DEFAULT_INTERVAL_SECONDS = 5;

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

  /** How long --follow waits for a service to appear; tests shorten it. */
  long serviceStartMillis = JobFollow.SERVICE_START_MILLIS;

  /** Refuses --follow without a job, --interval without --follow, and an interval out of range. */
  void check(CommandLine command, String jobName) {
    if (follow && jobName == null) {
      throw new ParameterException(
          command, "--follow needs the job to follow: add --job <jobName>.");
    }
    if (intervalSeconds != null && !follow) {
      throw new ParameterException(
          command, "--interval is the period of --follow: add --follow or drop it.");
    }
    double interval = intervalSeconds();
    if (!(interval >= 0.001 && interval <= 86400)) {
      OptionSpec given = command.getParseResult().matchedOption("--interval");
      throw new ParameterException(
          command,
          "--interval="
              + (given == null ? "" : String.join(" ", given.originalStringValues()))
              + ": must be a number of seconds from 0.001 to 86400, e.g. --interval 5.");
    }
  }

  /**
   * Reports job {@code jobName} of {@code oss} to {@code listener} until it ends; the result holds
   * its last snapshot.
   *
   * @throws CommandFailure SERVICE_STATE when no service runs the job, after a last report
   */
  JobFollow.Result run(OssImport oss, String jobName, JobFollow.Listener listener)
      throws OssImportException, IOException, InterruptedException, CommandFailure {
    JobFollow.Result result =
        new JobFollow(
                JobFollow.of(oss, jobName),
                JobFollow.Clock.SYSTEM,
                Math.round(intervalSeconds() * 1000),
                serviceStartMillis,
                listener)
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
    return result;
  }

  private double intervalSeconds() {
    return intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds;
  }
}
