package io.ossimport.cli;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportEvent.Level;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobStatus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;

/**
 * Renders engine events as log lines, {@code [2026-11-27 16:12:35] [INFO] message}: INFO and DEBUG
 * on standard output, WARN and ERROR on standard error, and every line also in a log file when one
 * is given ({@code start --log-file}, used where no shell redirects the output). Progress events
 * become one {@link ProgressLine}. Thread-safe: the engine calls it from its threads.
 */
final class EventPrinter implements ImportListener {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final PrintStream err;
  private final boolean debug;
  private final Writer logFile;
  private final LongSupplier clock;

  EventPrinter(
      PrintStream out, PrintStream err, boolean debug, Path logFileOrNull, LongSupplier clock)
      throws IOException {
    this.out = out;
    this.err = err;
    this.debug = debug;
    this.clock = clock;
    this.logFile = logFileOrNull == null ? null : openForAppend(logFileOrNull);
  }

  @Override
  public synchronized void onEvent(ImportEvent event) {
    if (event.isProgress()) {
      print(Level.INFO, progress(event.progress()));
    } else if (event.level() != Level.DEBUG || debug) {
      print(event.level(), Failures.WORDS.render(event));
    }
  }

  /** A line of the command line's own, at INFO. */
  synchronized void info(String message) {
    print(Level.INFO, message);
  }

  private String progress(JobStatus status) {
    return ProgressLine.format(status); // the service measured the rate
  }

  private void print(Level level, String message) {
    String line =
        "[" + TIME.format(Instant.ofEpochMilli(clock.getAsLong())) + "] [" + level + "] " + message;
    PrintStream stream = level == Level.ERROR || level == Level.WARN ? err : out;
    stream.println(line);
    stream.flush();
    if (logFile != null) {
      try {
        logFile.write(line + System.lineSeparator());
        logFile.flush();
      } catch (IOException e) {
        err.println("Warning: cannot write the log file: " + e.getMessage());
      }
    }
  }

  private static Writer openForAppend(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new OutputStreamWriter(
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
        StandardCharsets.UTF_8);
  }
}
