package io.ossimport.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;
import picocli.CommandLine.Parameters;

/**
 * The job input of the commands that read a job file ({@code submit}, its dry run, {@code diff}), a
 * picocli mixin: the file given, else {@code local_job.cfg} beside {@code sys.properties}.
 */
final class JobFileArgument {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<job.cfg>",
      description = "The job file (default: local_job.cfg beside sys.properties).")
  Path jobConfig;

  /** The job file to read: the one given, else the default of {@code cli}'s sys.properties. */
  Path file(OssImportCli cli) {
    if (jobConfig != null) {
      return jobConfig;
    }
    Path sys = cli.sysPropertiesOrNull();
    Path dir = sys == null ? Paths.get("conf") : sys.toAbsolutePath().getParent();
    return dir.resolve("local_job.cfg");
  }

  /** Job keys that replace the file's: the command line gives none (the file holds them all). */
  Map<String, String> overrides() {
    return Collections.<String, String>emptyMap();
  }
}
