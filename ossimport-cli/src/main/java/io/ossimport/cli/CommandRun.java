package io.ossimport.cli;

/** What one step's command did: its exit code and its output (stdout and stderr, as captured). */
final class CommandRun {
  private final int code;
  private final String output;

  CommandRun(int code, String output) {
    this.code = code;
    this.output = output;
  }

  /** The command's exit code. */
  int code() {
    return code;
  }

  /** What the command printed (empty when its stdout went straight to the console). */
  String output() {
    return output;
  }
}
