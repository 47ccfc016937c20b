package io.ossimport.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/ossimport2.jar}: {@code java -jar ossimport2.jar -c conf/sys.properties
 * <command>}. Exits with an {@link ExitCode}.
 */
public final class Main {
  /**
   * The SDK logs every retried request through java.util.logging to stderr; the engine reports what
   * matters as events. Kept in a field: JUL holds loggers weakly and would forget the level.
   */
  private static final Logger SDK_LOGGER = Logger.getLogger("com.aliyun");

  private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

  private Main() {}

  public static void main(String[] args) {
    // The SDK's slf4j-api finds no binding and says so on stderr at every start; no logs are lost
    // (the engine reports through events), so only its errors may speak.
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }
    int code = run(args, System.out, System.err, System.getenv());
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Parses and runs one command; returns the exit status. Never calls System.exit. */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    CommandLine cli = commandLine(out, err, environment);
    SDK_LOGGER.setLevel(wantsDebug(args) ? Level.ALL : Level.OFF);
    return cli.execute(args);
  }

  /** The command tree with its streams, exit-code table and failure translation. */
  static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
    OssImportCli root = new OssImportCli(out, err, env);
    CommandLine cli = new CommandLine(root);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setSubcommandsCaseInsensitive(true);
    cli.setExecutionExceptionHandler(new Failures(root));
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExitCodeExceptionMapper(t -> ExitCode.RUNTIME.code());
    applyExitCodeTable(cli);
    return cli;
  }

  private static void applyExitCodeTable(CommandLine cli) {
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpTable());
    for (CommandLine sub : cli.getSubcommands().values()) {
      applyExitCodeTable(sub);
    }
  }

  private static boolean wantsDebug(String[] args) {
    for (String arg : args) {
      if ("-X".equals(arg) || "--debug".equals(arg)) {
        return true;
      }
    }
    return false;
  }
}
