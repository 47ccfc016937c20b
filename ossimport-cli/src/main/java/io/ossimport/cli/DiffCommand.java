package io.ossimport.cli;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<job.cfg>",
      description = "The job file (default: local_job.cfg beside sys.properties).")
  Path jobConfig;

  @Option(
      names = "--checksum",
      description =
          "Also compare CRC-64 where both sides know it (an OSS source): one HEAD per object that"
              + " passes size and time.")
  boolean checksum;

  @Override
  public Integer call() throws Exception {
    Path file = jobConfig != null ? jobConfig : defaultJobConfig();
    DiffReport report =
        cli.open(warnings())
            .diff(
                file,
                Collections.<String, String>emptyMap(),
                checksum ? DiffCheck.CHECKSUM : DiffCheck.SIZE_AND_MTIME);
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

  private Path defaultJobConfig() {
    Path sys = cli.sysPropertiesOrNull();
    Path dir = sys == null ? Paths.get("conf") : sys.toAbsolutePath().getParent();
    return dir.resolve("local_job.cfg");
  }
}
