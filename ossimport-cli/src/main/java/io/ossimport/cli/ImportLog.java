package io.ossimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.SimpleDateFormat;
import java.util.Date;

/**
 * What the one-key import shows: each step's output on the console and appended to {@code
 * logs/import.log}, and the output of submit and retry kept in {@code logs/submit.log} and {@code
 * logs/retry.log} as the original scripts kept them.
 */
final class ImportLog {
  private final PrintStream console;
  private final Path logs;

  ImportLog(PrintStream console, Path logs) {
    this.console = console;
    this.logs = logs;
  }

  /** The log directory. */
  Path dir() {
    return logs;
  }

  /** Opens the log directory and marks the import's beginning in the log. */
  void begin() throws IOException {
    Files.createDirectories(logs);
    say("==== import " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()) + " ====");
  }

  /** Prints a line on the console and into logs/import.log. */
  void say(String line) {
    sayOutput(line + System.lineSeparator());
  }

  /** Prints a step's output on the console and into logs/import.log. */
  void sayOutput(String output) {
    console.print(output);
    console.flush();
    log(output);
  }

  /** Appends {@code text} to logs/import.log only. */
  void log(String text) {
    write(
        logs.resolve("import.log"),
        text.getBytes(Charset.defaultCharset()),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** Replaces {@code logs/<name>} with a step's whole output (submit.log, retry.log). */
  void keep(String name, String output) {
    write(logs.resolve(name), output.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, byte[] bytes, StandardOpenOption... options) {
    try {
      Files.write(file, bytes, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
