package io.ossimport.cli;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ossimport2.jar} command: the original's verbs over the core facade. Holds what every
 * verb shares: the global options, the output streams and the environment.
 */
@Command(
    name = "ossimport2",
    mixinStandardHelpOptions = true,
    versionProvider = OssImportCli.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    usageHelpAutoWidth = true,
    description = {
      "Migrates a local directory, another object store (OSS, S3-compatible, Qiniu, BOS, KS3, COS,",
      "Azure Blob) or an HTTP URL list (srcType) into an Alibaba Cloud OSS bucket, as ossimport 2.x",
      "standalone.",
      "Typical use: submit, start, stat, (retry), stop; console.sh and import.sh wrap these."
    },
    subcommands = {
      SubmitCommand.class,
      StartCommand.class,
      StopCommand.class,
      StatCommand.class,
      RetryCommand.class,
      CleanCommand.class,
      DiffCommand.class,
      VersionCommand.class,
      ImportCommand.class
    })
public final class OssImportCli implements Runnable {
  /** The default configuration when -c is not given, relative to the current directory. */
  static final String DEFAULT_SYS_PROPERTIES = "conf" + File.separator + "sys.properties";

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--conf"},
      paramLabel = "<sys.properties>",
      scope = ScopeType.INHERIT,
      description =
          "The service configuration (default: conf/sys.properties if it exists, else defaults).")
  Path sysProperties;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean stacktrace;

  @Option(
      names = {"-X", "--debug"},
      scope = ScopeType.INHERIT,
      description = "Print debug events and the stack trace of an error.")
  boolean debug;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> environment;

  OssImportCli(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Without a command: the usage, as a usage error. */
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** Opens the facade on the chosen sys.properties; {@code listener} receives engine events. */
  OssImport open(ImportListener listener) throws ConfigurationException {
    return OssImport.open(
        sysPropertiesOrNull(), Collections.<String, String>emptyMap(), environment, listener);
  }

  /** The -c file; else conf/sys.properties when present; else null (every key at its default). */
  Path sysPropertiesOrNull() {
    if (sysProperties != null) {
      return sysProperties;
    }
    Path conventional = Paths.get(DEFAULT_SYS_PROPERTIES);
    return Files.isRegularFile(conventional) ? conventional : null;
  }

  /** Whether errors show their stack trace. */
  boolean showStackTraces() {
    return stacktrace || debug;
  }

  /** Prints {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {OssImport.version()};
    }
  }
}
