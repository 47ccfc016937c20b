package io.ossimport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Option;

/**
 * Where {@code stat} reports go, a picocli mixin: standard output, and optionally appended to a
 * {@code --log-file} and kept as the latest report in a {@code --status-file}. The import scripts
 * pass {@code logs/import.log} and {@code logs/job_stat.log}: import.bat has no {@code tee}, and
 * the follow prints while it runs.
 */
final class ReportOutput {
  @Option(
      names = "--log-file",
      paramLabel = "<file>",
      description = "Also append every report to this file (the import scripts: logs/import.log).")
  Path logFile;

  @Option(
      names = "--status-file",
      paramLabel = "<file>",
      description =
          "Keep the latest report in this file, replaced at each report (the import scripts:"
              + " logs/job_stat.log).")
  Path statusFile;

  /**
   * Prints one report on {@code out} and into the files. A file that cannot be written costs a
   * warning on {@code err}, not the report: the console still shows it.
   */
  void print(String report, PrintStream out, PrintStream err) {
    out.print(report);
    out.flush();
    byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
    if (logFile != null) {
      try {
        createParent(logFile);
        Files.write(logFile, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        warn(err, logFile, e);
      }
    }
    if (statusFile != null) {
      try {
        replace(statusFile, bytes);
      } catch (IOException e) {
        warn(err, statusFile, e);
      }
    }
  }

  private static void warn(PrintStream err, Path file, IOException e) {
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
