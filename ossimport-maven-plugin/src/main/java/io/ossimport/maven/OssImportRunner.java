package io.ossimport.maven;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.RemedyWords;
import io.ossimport.core.api.ServiceOutcome;
import io.ossimport.core.api.Shell;
import io.ossimport.core.api.SuppliedCredentials;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one goal's work through the core's {@link Shell}, and is the only place where its failures
 * become Maven failures: a {@link Shell.Failure.Kind#REFUSED} one (the user must change something
 * first) a {@link MojoFailureException}, trouble while running (an aborted job too) a {@link
 * MojoExecutionException}, and a job with failed tasks a {@link MojoFailureException} when {@code
 * failOnTaskErrors}, else a warning.
 */
final class OssImportRunner {
  /** The remedies in Maven's words: goals and parameters. */
  static final RemedyWords WORDS =
      RemedyWords.builder()
          .submitJob("run ossimport:submit first (or set <workDir> / -Dossimport.workDir)")
          .nameJob("name one with <jobName> or -Dossimport.jobName=NAME")
          .cleanJob(
              "run ossimport:clean[ -Dossimport.jobName={job}] to remove it first, or"
                  + " ossimport:start to continue it")
          .stopService("stop it with ossimport:stop first, then try again")
          .retryAndStart("ossimport:retry and ossimport:start")
          .credentialOrigin("the settings.xml <server> of serverId")
          .startAgain(
              "run ossimport:start again to resume (-Dossimport.timeout sets how long it waits)")
          .build();

  private final Log log;
  private final Shell shell;

  /**
   * @param sysConfig the sys.properties to read, or null for defaults
   * @param workDir the working directory, replacing {@code workingDir} of sys.properties, or null
   * @param environment where the core finds OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET
   * @param supplied the credentials of a settings.xml {@code <server>}, given to every operation
   */
  OssImportRunner(
      Log log,
      Path sysConfig,
      Path workDir,
      Map<String, String> environment,
      SuppliedCredentials supplied) {
    this.log = log;
    Shell.Log lines = Shell.Log.of(log::error, log::warn, log::info, log::debug);
    this.shell = new Shell(sysConfig, workDir, environment, supplied, WORDS, lines);
  }

  Log log() {
    return log;
  }

  /** Opens the facade once (reading sys.properties), then applies {@code call} to it. */
  <T> T run(Shell.Call<T> call) throws MojoExecutionException, MojoFailureException {
    try {
      return shell.run(call);
    } catch (Shell.Failure failure) {
      throw fail(failure);
    }
  }

  /** Fails the build for an unfinished outcome (a deadline passed, a stop that timed out...). */
  void check(ServiceOutcome outcome) throws MojoExecutionException, MojoFailureException {
    Shell.Failure failure = shell.failureOf(outcome);
    if (failure != null) {
      throw fail(failure);
    }
  }

  /**
   * Logs the summary of a finished (or last seen) job and fails the build when it was aborted, or
   * has failed tasks and {@code failOnTaskErrors} is set.
   */
  void report(JobStatus job, boolean failOnTaskErrors, Path workingDir)
      throws MojoExecutionException, MojoFailureException {
    Shell.Failure failure = shell.summarize(job, workingDir);
    if (failure != null && failure.kind() == Shell.Failure.Kind.FAILED_TASKS && !failOnTaskErrors) {
      log.warn(failure.getMessage() + " (ossimport.failOnTaskErrors is false: the build goes on)");
    } else if (failure != null) {
      throw fail(failure);
    }
  }

  /** Throws a refusal or failed tasks as a failure; returns trouble for the caller to throw. */
  private static MojoExecutionException fail(Shell.Failure failure) throws MojoFailureException {
    if (failure.kind() == Shell.Failure.Kind.TROUBLE) {
      return new MojoExecutionException(failure.getMessage(), failure.getCause());
    }
    throw new MojoFailureException(failure.getMessage(), failure.getCause());
  }
}
