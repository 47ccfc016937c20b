package io.ossimport.cli;

import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code start}: runs master, tracker and worker in this JVM, in the foreground, until {@code stop}
 * (from another process), SIGTERM or Ctrl-C, which stop it gracefully.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the import service in the foreground and prints its log; console.sh start runs it in"
          + " the background with the output in logs/ossimport2.log.",
      "Ctrl-C, SIGTERM or the stop command stop it gracefully: running uploads finish or are"
          + " recorded, and the next start resumes them. Refused while a service runs on the same"
          + " working directory."
    })
final class StartCommand implements Callable<Integer> {
  private static final String STOPPED = "Import service stopped.";

  @ParentCommand OssImportCli cli;

  @Option(
      names = "--log-file",
      paramLabel = "<file>",
      description = "Also append the log lines to this file (console.bat: logs\\ossimport2.log).")
  Path logFile;

  @Override
  public Integer call() throws Exception {
    EventPrinter printer =
        new EventPrinter(cli.out, cli.err, cli.debug, logFile, System::currentTimeMillis);
    OssImport oss = cli.open(printer);
    final RunningService service = oss.start();
    printer.info(
        "Import service started (pid "
            + oss.servicePid()
            + ", working directory "
            + oss.workingDir()
            + ").");
    Thread gracefulStop =
        new Thread(
            () -> {
              printer.info("Stop requested by a signal; stopping the import service gracefully.");
              try {
                service.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              printer.info(STOPPED);
            },
            "ossimport-graceful-stop");
    Runtime.getRuntime().addShutdownHook(gracefulStop);
    service.awaitStopped();
    try {
      Runtime.getRuntime().removeShutdownHook(gracefulStop);
      printer.info(STOPPED);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook stops the service and says so
    }
    return ExitCode.OK.code();
  }
}
