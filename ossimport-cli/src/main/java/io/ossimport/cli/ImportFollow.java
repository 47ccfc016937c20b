package io.ossimport.cli;

import io.ossimport.core.api.OneKeyImport.JobEnd;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The one-key import's follow step: {@code stat detail --progress --follow} on the job, its reports
 * on the console, in logs/import.log and, the latest, in logs/job_stat.log, the rate samples in
 * logs/import.rate (those of an earlier import dropped at the first follow, kept across retries);
 * then how the job ended, said in one line, from the command's exit code.
 */
final class ImportFollow {
  private final InProcessCommands commands;
  private final ImportLog log;
  private final PrintStream console;
  private final String jobName;
  private final String interval;
  private boolean followed;

  /** The exit code of the last follow, {@link ExitCode#RUNTIME} when it ended unexplained. */
  private int code;

  ImportFollow(
      InProcessCommands commands,
      ImportLog log,
      PrintStream console,
      String jobName,
      String interval) {
    this.commands = commands;
    this.log = log;
    this.console = console;
    this.jobName = jobName;
    this.interval = interval;
  }

  /** The exit code of the last follow. */
  int code() {
    return code;
  }

  /** Reports the job every --interval seconds until it ends, and says how it ended. */
  JobEnd run() {
    Path rateFile = log.dir().resolve("import.rate");
    Path statusFile = log.dir().resolve("job_stat.log");
    try {
      if (!followed) {
        Files.deleteIfExists(rateFile);
        followed = true;
      }
      Files.deleteIfExists(statusFile);
      CommandRun follow =
          commands.run(
              Arrays.asList(
                  "stat",
                  "detail",
                  "--job",
                  jobName,
                  "--progress",
                  "--rate-file",
                  rateFile.toString(),
                  "--follow",
                  "--interval",
                  interval,
                  "--log-file",
                  log.dir().resolve("import.log").toString(),
                  "--status-file",
                  statusFile.toString()),
              console);
      log.sayOutput(follow.output());
      code = follow.code();
      return end(statusFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JobEnd end(Path statusFile) throws IOException {
    switch (code) {
      case 0:
        log.say("Import to oss completed.");
        return JobEnd.SUCCEEDED;
      case 3:
        log.say(
            "The job finished with failed tasks; the reasons are in "
                + String.join(
                    File.separator, "master", "jobs", jobName, "failed_tasks", "*", "audit.log")
                + ".");
        return JobEnd.FAILED_TASKS;
      case 4:
        log.say(
            "Error: the import service stopped before the job finished; see "
                + log.dir().resolve("ossimport2.log")
                + ".");
        return JobEnd.SERVICE_GONE;
      case 1:
      case 2:
      case 6:
        return JobEnd.FAILED;
      default:
        if (Files.isRegularFile(statusFile)
            && new String(Files.readAllBytes(statusFile), StandardCharsets.UTF_8)
                .contains("JobState:Abort")) {
          log.say("Error: the job was aborted; see " + log.dir().resolve("ossimport2.log") + ".");
          return JobEnd.ABORTED;
        }
        code = ExitCode.RUNTIME.code();
        return JobEnd.FAILED;
    }
  }
}
