package io.ossimport.cli;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code submit [job.cfg]}: validates the job file and freezes it into the job tree. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a job file and adds the job to the working directory; the service runs it.",
      "Every problem of the file is listed at once, one per line. A job of the same name must be"
          + " cleaned first.",
      "Unless --offline, the destination is asked first (the endpoint answers, the bucket exists,"
          + " the AccessKey may write to it), with requests that leave nothing behind.",
      "--dry-run lists the source with the job's rules and prints what would be imported and what"
          + " left out, without submitting anything or contacting the destination."
    })
final class SubmitCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Mixin JobFileArgument job;

  @Option(
      names = "--offline",
      description =
          "Accept the job without contacting the destination (the endpoint, bucket and AccessKey"
              + " are then first used at start).")
  boolean offline;

  @Option(
      names = "--dry-run",
      description =
          "Print what the job would import (objects, bytes, first keys, what would be skipped and"
              + " why) without submitting it: nothing is written, the destination is not"
              + " contacted.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Path file = job.file(cli);
    if (dryRun) {
      return dryRun(file);
    }
    cli.out.println("submit job:" + file);
    OssImport oss = cli.open(ImportListener.NONE);
    SubmitResult result =
        oss.submit(file, job.overrides(), offline ? SubmitCheck.OFFLINE : SubmitCheck.ONLINE);
    for (ConfigWarning warning : result.warnings()) {
      cli.err.println("Warning: " + warning);
    }
    cli.out.println("submit job:" + result.jobName() + " success!");
    return ExitCode.OK.code();
  }

  private int dryRun(Path file) throws Exception {
    DryRunReport report = cli.open(ImportListener.NONE).dryRun(file, job.overrides());
    for (ConfigWarning warning : report.warnings()) {
      cli.err.println("Warning: " + warning);
    }
    cli.out.print(report.text());
    return ExitCode.OK.code();
  }
}
