package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceOutcome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stop}: asks the service of this working directory to stop gracefully; if it has not
 * stopped within the timeout, kills it by the PID its lock file records (never by matching process
 * names, which could hit another user's import).
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stops the import service of this working directory gracefully; if it has not stopped"
          + " within the timeout, kills the process whose PID the service recorded.",
      "Succeeds when no service is running."
    })
final class StopCommand implements Callable<Integer> {
  /** How long a killed process may take to release the working-directory lock. */
  private static final long KILL_GRACE_MILLIS = 10000;

  @ParentCommand OssImportCli cli;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "<seconds>",
      defaultValue = "60",
      description =
          "Seconds to wait for a graceful stop before killing (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    OssImport oss = cli.open(ImportListener.NONE);
    long pid = oss.servicePid();
    if (pid < 0) {
      cli.out.println("No import service is running.");
      return ExitCode.OK.code();
    }
    cli.out.println("Stopping the import service (pid " + pid + ")...");
    ServiceOutcome outcome = oss.stopAndWait(timeoutSeconds);
    if (outcome.kind() != ServiceOutcome.Kind.STOP_TIMED_OUT) {
      cli.out.println("The import service stopped.");
      return ExitCode.OK.code();
    }
    long holder = outcome.pid();
    cli.out.println(
        "The import service did not stop within "
            + timeoutSeconds
            + " s; killing pid "
            + holder
            + ".");
    ProcessKiller.kill(holder);
    long deadline = System.currentTimeMillis() + KILL_GRACE_MILLIS;
    while (oss.servicePid() == holder && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    if (oss.servicePid() == holder) {
      throw new CommandFailure(
          ExitCode.RUNTIME,
          "process " + holder + " still holds the working directory after kill; stop it by hand.");
    }
    cli.out.println("The import service was killed; the next start resumes its job.");
    return ExitCode.OK.code();
  }
}
