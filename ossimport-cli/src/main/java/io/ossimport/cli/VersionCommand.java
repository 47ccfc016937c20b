package io.ossimport.cli;

import io.ossimport.core.api.OssImport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code version}: the version, as the original printed it since 2.2.4. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand OssImportCli cli;

  @Override
  public Integer call() {
    cli.out.println(OssImport.version());
    return ExitCode.OK.code();
  }
}
