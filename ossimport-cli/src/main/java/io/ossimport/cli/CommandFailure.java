package io.ossimport.cli;

/** A failure the command line itself detects (not the engine), with the exit code it maps to. */
final class CommandFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ExitCode exitCode;

  CommandFailure(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
