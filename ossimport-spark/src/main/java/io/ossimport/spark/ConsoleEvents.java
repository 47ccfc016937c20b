package io.ossimport.spark;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobReport;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The driver's events as the console prints them, {@code [2026-11-27 16:12:35] [INFO] message}:
 * INFO on standard output, WARN and ERROR on standard error, progress as the console's progress
 * line, a remedy in Spark mode's words ({@link SparkImport#WORDS}); DEBUG is left out. Thread-safe:
 * the engine calls it from its threads.
 */
final class ConsoleEvents implements ImportListener {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final PrintStream err;

  ConsoleEvents(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void onEvent(ImportEvent event) {
    ImportEvent.Level level = event.isProgress() ? ImportEvent.Level.INFO : event.level();
    if (level == ImportEvent.Level.DEBUG) {
      return;
    }
    String text =
        event.isProgress()
            ? JobReport.progressLine(event.progress())
            : SparkImport.WORDS.render(event);
    PrintStream stream =
        level == ImportEvent.Level.ERROR || level == ImportEvent.Level.WARN ? err : out;
    stream.println("[" + TIME.format(Instant.now()) + "] [" + level + "] " + text);
    stream.flush();
  }
}
