package io.ossimport.cli;

import io.ossimport.core.api.OneKeyImport;
import io.ossimport.core.api.OneKeyImport.ExistingJob;
import io.ossimport.core.api.OneKeyImport.Outcome;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import}: the one-key import of {@code import.sh} / {@code import.bat} in one JVM. The
 * decisions (resume or restart an existing job, retry, stop) are core's {@link OneKeyImport}; this
 * shell runs each step the console's way and asks on the terminal. The service is started through
 * the console script (which owns the service's command line); every other step runs in this JVM
 * through the same commands {@code console.sh} calls, so the messages are theirs (the scripts used
 * to start one JVM per step, each a cold start of the shaded jar: 1 to 2 CPU s apiece on two
 * cores).
 */
@Command(
    name = "import",
    hidden = true,
    description = {
      "The one-key import that import.sh and import.bat run (run it through them): submit, start"
          + " the service with the console script, follow the job, retry, stop."
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Parameters(index = "0", paramLabel = "<job.cfg>", description = "The job file, as shown.")
  String jobConfig;

  @Option(names = "--job", required = true, description = "The jobName of the job file.")
  String jobName;

  @Option(
      names = "--console",
      required = true,
      paramLabel = "<console script>",
      description = "console.sh or console.bat: starts the service.")
  Path console;

  @Option(names = "--interval", defaultValue = "5", description = "Seconds between two reports.")
  String interval;

  @ArgGroup(exclusive = true)
  JobMode jobMode;

  @Option(names = "--retry", paramLabel = "N", description = "Retry failed tasks up to N times.")
  Integer retries;

  @ArgGroup(exclusive = true)
  StopMode stopMode;

  @Option(names = "--offline", description = "Submit without asking OSS first.")
  boolean offline;

  /** --resume or --restart: what to do with an existing job without asking. */
  static final class JobMode {
    @Option(names = "--resume")
    boolean resume;

    @Option(names = "--restart")
    boolean restart;
  }

  /** --stop or --no-stop: whether to stop the service at the end without asking. */
  static final class StopMode {
    @Option(names = "--stop")
    boolean stop;

    @Option(names = "--no-stop")
    boolean noStop;
  }

  @Override
  public Integer call() throws Exception {
    ImportLog log = new ImportLog(cli.out, Paths.get("logs"));
    ImportSteps steps = new ImportSteps(this, log);
    TerminalQuestions questions = new TerminalQuestions(System.in, cli.err, log::log);
    ExistingJob existing =
        jobMode == null ? null : jobMode.resume ? ExistingJob.RESUME : ExistingJob.RESTART;
    Boolean stop = stopMode == null ? null : stopMode.stop;
    try {
      log.begin();
      Outcome outcome = new OneKeyImport(steps, questions, existing, retries, stop).run();
      switch (outcome) {
        case SUCCEEDED:
          return ExitCode.OK.code();
        case FAILED_TASKS:
          return ExitCode.FAILED_TASKS.code();
        case ABORTED:
        case SERVICE_GONE:
          return ExitCode.RUNTIME.code();
        case CANCELLED:
          log.say("Import cancelled.");
          return ExitCode.USAGE.code();
        default:
          return steps.lastCode();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
