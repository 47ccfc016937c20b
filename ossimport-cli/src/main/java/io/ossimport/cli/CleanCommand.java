package io.ossimport.cli;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code clean [jobName]}: deletes a job's state so that a job of that name can run again. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes a job from the working directory (and aborts the multipart uploads it left open),"
          + " so that a job of the same name can be submitted again.",
      "Not needed to retry failed tasks. Refused while the service runs: stop it first."
    })
final class CleanCommand implements Callable<Integer> {
  /** The job name the standalone scripts of the original always used. */
  static final String DEFAULT_JOB = "local_test";

  @ParentCommand OssImportCli cli;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<jobName>",
      defaultValue = DEFAULT_JOB,
      description = "The job (default: ${DEFAULT-VALUE}).")
  String jobName;

  @Override
  public Integer call() throws Exception {
    OssImport oss = cli.open(ImportListener.NONE);
    oss.clean(jobName);
    cli.out.println(
        "delete jobs dir:"
            + oss.workingDir().resolve("master").resolve("jobs").resolve(jobName)
            + java.io.File.separator);
    return ExitCode.OK.code();
  }
}
