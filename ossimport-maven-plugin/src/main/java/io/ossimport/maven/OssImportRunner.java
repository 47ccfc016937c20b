package io.ossimport.maven;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RemedyWords;
import io.ossimport.core.api.ServiceOutcome;
import io.ossimport.core.api.ServiceRunningException;
import io.ossimport.core.api.SuppliedCredentials;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one goal's work against the core facade, and is the only place where core failures become
 * Maven failures:
 *
 * <ul>
 *   <li>{@link ConfigurationException}, {@link JobConflictException} and {@link
 *       ServiceRunningException}: the user must change something first, so {@link
 *       MojoFailureException} with the core's message (it names the file, key, value and fix).
 *   <li>any other {@link OssImportException}, an unexpected runtime exception or an interrupt:
 *       trouble while running, so {@link MojoExecutionException} with the cause attached.
 *   <li>a job that ended with failed tasks: {@link MojoFailureException} when {@code
 *       failOnTaskErrors}, else a warning; a job the engine aborted: {@link
 *       MojoExecutionException}.
 * </ul>
 */
final class OssImportRunner {
  /** One call into the core. */
  interface Operation<T> {
    T apply(OssImport ossImport) throws OssImportException, InterruptedException;
  }

  private final Log log;
  private final Path sysConfig;
  private final Map<String, String> sysOverrides;
  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;
  private OssImport ossImport;

  /**
   * @param sysConfig the sys.properties to read, or null for defaults
   * @param sysOverrides sys.properties keys that replace the file's (e.g. workingDir)
   * @param environment where the core finds OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET
   */
  OssImportRunner(
      Log log, Path sysConfig, Map<String, String> sysOverrides, Map<String, String> environment) {
    this(log, sysConfig, sysOverrides, environment, SuppliedCredentials.none());
  }

  /**
   * As above, with the credentials of a settings.xml {@code <server>}, given to every operation.
   */
  OssImportRunner(
      Log log,
      Path sysConfig,
      Map<String, String> sysOverrides,
      Map<String, String> environment,
      SuppliedCredentials supplied) {
    this.supplied = supplied;
    this.log = log;
    this.sysConfig = sysConfig;
    this.sysOverrides =
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(sysOverrides));
    this.environment = environment;
  }

  /** The credentials given to every operation (for a background service to get them too). */
  SuppliedCredentials supplied() {
    return supplied;
  }

  Log log() {
    return log;
  }

  /** Opens the facade once (reading sys.properties), then applies {@code operation} to it. */
  <T> T run(Operation<T> operation) throws MojoExecutionException, MojoFailureException {
    try {
      if (ossImport == null) {
        ossImport =
            OssImport.open(
                sysConfig, sysOverrides, environment, supplied, new MavenImportListener(log));
      }
      return operation.apply(ossImport);
    } catch (ConfigurationException e) {
      for (ConfigWarning warning : e.warnings()) {
        log.warn(warning.toString());
      }
      throw new MojoFailureException(e.getMessage(), e);
    } catch (JobConflictException e) {
      throw new MojoFailureException(advise(e.getMessage(), e.remedy(), e.jobName(), -1), e);
    } catch (ServiceRunningException e) {
      throw new MojoFailureException(advise(e.getMessage(), e.remedy(), null, e.pid()), e);
    } catch (OssImportException e) {
      throw new MojoExecutionException(advise(e.getMessage(), e.remedy(), null, -1), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted; the job's progress is kept on disk.", e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("ossimport failed unexpectedly: " + e, e);
    }
  }

  /**
   * Fails the build for an unfinished outcome: a deadline passed ({@link MojoFailureException}: the
   * user chose the timeout), anything else is trouble while running.
   */
  void check(ServiceOutcome outcome) throws MojoExecutionException, MojoFailureException {
    if (outcome.finished()) {
      return;
    }
    String message = advise(outcome.message(), outcome.remedy(), null, outcome.pid());
    if (outcome.kind() == ServiceOutcome.Kind.DEADLINE_PASSED) {
      throw new MojoFailureException(message);
    }
    throw new MojoExecutionException(message);
  }

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

  /** The core's neutral {@code message} followed by {@code remedy} in Maven's words. */
  static String advise(String message, Remedy remedy, String job, long pid) {
    return WORDS.advise(message, remedy, job, pid);
  }

  /**
   * Logs the summary of a finished (or last seen) job and fails the build when it has failed tasks
   * and {@code failOnTaskErrors} is set.
   */
  void report(JobStatus job, boolean failOnTaskErrors, Path workingDir)
      throws MojoExecutionException, MojoFailureException {
    boolean failed = JobReport.hasFailedTasks(job) && job.state() != JobState.Running;
    for (String line : JobReport.summary(job, workingDir, WORDS)) {
      if (failed) {
        log.warn(line);
      } else {
        log.info(line);
      }
    }
    String failure = JobReport.failureOf(job, WORDS);
    if (failure == null) {
      return;
    }
    if (job.state() == JobState.Abort) {
      throw new MojoExecutionException(failure);
    }
    if (failOnTaskErrors) {
      throw new MojoFailureException(failure);
    }
    log.warn(failure + " (ossimport.failOnTaskErrors is false: the build goes on)");
  }
}
