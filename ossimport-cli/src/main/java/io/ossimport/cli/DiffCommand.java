package io.ossimport.cli;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code diff [--checksum] [job.cfg]}: compares the job's source with its destination. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a job's source with its destination, as rclone check, without a job and without"
          + " writing to the destination: objects missing at the destination, different (size,"
          + " older Last-Modified, CRC-64 with --checksum) or extra there (under destPrefix).",
      "Writes one line per object that does not match to logs/diff-<jobName>-<UTC time>.report."
          + " Exit code 0: they match; 3: something is missing, different or extra."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Mixin JobFileArgument job;

  @Option(
      names = "--checksum",
      description =
          "Also compare CRC-64 where both sides know it (an OSS source): one HEAD per object that"
              + " passes size and time.")
  boolean checksum;

  @Override
  public Integer call() throws Exception {
    Path file = job.file(cli);
    DiffReport report =
        cli.open(warnings())
            .diff(file, job.overrides(), checksum ? DiffCheck.CHECKSUM : DiffCheck.SIZE_AND_MTIME);
    cli.out.print(report.text());
    return report.hasDifferences() ? ExitCode.FAILED_TASKS.code() : ExitCode.OK.code();
  }

  /**
   * Warnings (a misspelt key, an entry the source skips) on stderr; the summary is printed once.
   */
  private ImportListener warnings() {
    return event -> {
      if (event.level() == ImportEvent.Level.WARN || event.level() == ImportEvent.Level.ERROR) {
        cli.err.println("Warning: " + event.message());
      }
    };
  }
}
