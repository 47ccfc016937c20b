package io.ossimport.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed: one error line, the synopsis, exit {@link ExitCode#USAGE}.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("Error: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.print(command.getHelp().fullSynopsis());
    err.println(
        "Run '"
            + command.getCommandSpec().qualifiedName()
            + " --help' for the commands and options.");
    err.flush();
    return ExitCode.USAGE.code();
  }
}
