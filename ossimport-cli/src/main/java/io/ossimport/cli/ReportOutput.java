package io.ossimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where {@code stat} reports go: standard output, and optionally appended to a log file and kept as
 * the latest report in a status file. The import scripts pass {@code logs/import.log} and {@code
 * logs/job_stat.log}: import.bat has no {@code tee}, and the follow prints while it runs.
 */
final class ReportOutput {
  private final PrintStream out;
  private final PrintStream err;
  private final Path logFile;
  private final Path statusFile;

  ReportOutput(PrintStream out, PrintStream err, Path logFileOrNull, Path statusFileOrNull) {
    this.out = out;
    this.err = err;
    this.logFile = logFileOrNull;
    this.statusFile = statusFileOrNull;
  }

  /**
   * Prints one report. A file that cannot be written costs a warning, not the report: the console
   * still shows it.
   */
  void print(String report) {
    out.print(report);
    out.flush();
    byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
    if (logFile != null) {
      try {
        createParent(logFile);
        Files.write(logFile, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        warn(logFile, e);
      }
    }
    if (statusFile != null) {
      try {
        replace(statusFile, bytes);
      } catch (IOException e) {
        warn(statusFile, e);
      }
    }
  }

  private void warn(Path file, IOException e) {
    err.println("Warning: cannot write " + file + ": " + e);
    err.flush();
  }

  /**
   * Writes a temporary file beside {@code file} and renames it over {@code file}, so that a reader
   * never sees half of it. Not synced: these files are reports, not state.
   */
  static void replace(Path file, byte[] content) throws IOException {
    Path parent = createParent(file);
    Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return parent;
  }
}
