package io.ossimport.cli;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RemedyWords;
import io.ossimport.core.api.ServiceRunningException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes. A configuration error prints one
 * line per problem, other errors one line; each line says what to do. Stack traces only on request
 * ({@code --stacktrace} or {@code -X}).
 */
final class Failures implements IExecutionExceptionHandler {
  private final OssImportCli root;

  Failures(OssImportCli root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintStream err = root.err;
    ExitCode exit = report(ex, err);
    if (root.showStackTraces()) {
      ex.printStackTrace(err);
    } else if (exit == ExitCode.RUNTIME) {
      err.println("(run again with --stacktrace for the details)");
    }
    err.flush();
    return exit.code();
  }

  /** Prints what went wrong and returns the matching exit code. */
  static ExitCode report(Throwable failure, PrintStream err) {
    if (failure instanceof ConfigurationException) {
      ConfigurationException config = (ConfigurationException) failure;
      for (ConfigProblem problem : config.problems()) {
        err.println("Error: " + problem);
      }
      for (ConfigWarning warning : config.warnings()) {
        err.println("Warning: " + warning);
      }
      return ExitCode.CONFIGURATION;
    }
    if (failure instanceof CommandFailure) {
      err.println("Error: " + failure.getMessage());
      return ((CommandFailure) failure).exitCode();
    }
    if (failure instanceof OssImportException) {
      boolean conflict = failure instanceof JobConflictException;
      boolean running = failure instanceof ServiceRunningException;
      String message =
          conflict || running
              ? failure.getMessage()
              : OssImportException.messageWithCauses(failure);
      String job = conflict ? ((JobConflictException) failure).jobName() : null;
      Remedy remedy = ((OssImportException) failure).remedy();
      err.println("Error: " + WORDS.advise(message, remedy, job, -1));
      return conflict ? ExitCode.JOB_CONFLICT : running ? ExitCode.SERVICE_STATE : ExitCode.RUNTIME;
    }
    if (failure instanceof InterruptedException) {
      err.println("Error: interrupted.");
      return ExitCode.RUNTIME;
    }
    err.println("Error: internal error: " + OssImportException.messageWithCauses(failure));
    return ExitCode.RUNTIME;
  }

  /** The remedies in the console's words: console.sh commands. */
  static final RemedyWords WORDS =
      RemedyWords.builder()
          .submitJob("submit it first (console.sh submit <job.cfg>)")
          .nameJob("name the job")
          .cleanJob(
              "run console.sh clean[ {job}] to remove it first, or console.sh start to continue it")
          .stopService("stop the ossimport service first (console.sh stop), then try again")
          .retryAndStart("console.sh retry[ {job}] and console.sh start")
          .startAgain("run console.sh start again to resume")
          .build();
}
