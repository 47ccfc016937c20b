package io.ossimport.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs commands of this jar in this JVM, each on a fresh picocli tree (so the messages are the
 * command's own, as {@code console.sh} shows them), with the same {@code -c}, {@code --debug} and
 * {@code --stacktrace} as the command that runs them.
 */
final class InProcessCommands {
  private final OssImportCli cli;

  InProcessCommands(OssImportCli cli) {
    this.cli = cli;
  }

  /** Runs {@code args}, capturing its stdout and stderr. */
  CommandRun run(List<String> args) {
    return run(args, null);
  }

  /**
   * Runs {@code args}; its stdout goes to {@code stdoutOrNull} when given, else is captured with
   * its stderr.
   */
  CommandRun run(List<String> args, PrintStream stdoutOrNull) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true);
    List<String> full = new ArrayList<String>();
    if (cli.sysProperties != null) {
      full.add("-c");
      full.add(cli.sysProperties.toString());
    }
    if (cli.debug) {
      full.add("--debug");
    } else if (cli.stacktrace) {
      full.add("--stacktrace");
    }
    full.addAll(args);
    int code =
        Main.commandLine(stdoutOrNull != null ? stdoutOrNull : capture, capture, cli.environment)
            .execute(full.toArray(new String[0]));
    capture.flush();
    return new CommandRun(code, new String(captured.toByteArray(), Charset.defaultCharset()));
  }
}
