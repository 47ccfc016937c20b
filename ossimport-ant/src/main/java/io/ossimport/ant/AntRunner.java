package io.ossimport.ant;

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
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * Runs one task's work against the core facade, and is the only place where core failures become
 * {@link BuildException}s at the task's location: the core's message (which names the file, key,
 * value and fix, or the job and lock in conflict) and, for trouble while running, the cause. A job
 * with failed tasks also ends in a {@link BuildException}, which {@code failonerror="false"} turns
 * into a warning like every other failure of the task's work.
 */
final class AntRunner {
  /** One call into the core. */
  interface Operation<T> {
    T apply(OssImport ossImport) throws OssImportException, InterruptedException;
  }

  private final Task task;
  private final Path sysConfig;
  private final Map<String, String> sysOverrides;
  private final SuppliedCredentials credentials;
  private OssImport ossImport;

  AntRunner(
      Task task,
      Path sysConfig,
      Map<String, String> sysOverrides,
      SuppliedCredentials credentials) {
    this.credentials = credentials;
    this.task = task;
    this.sysConfig = sysConfig;
    this.sysOverrides =
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(sysOverrides));
  }

  /** The credentials given to every operation (for a background service to get them too). */
  SuppliedCredentials supplied() {
    return credentials;
  }

  /** Opens the facade once (reading sys.properties), then applies {@code operation} to it. */
  <T> T run(Operation<T> operation) {
    try {
      if (ossImport == null) {
        ossImport =
            OssImport.open(
                sysConfig, sysOverrides, System.getenv(), credentials, new AntImportListener(task));
      }
      return operation.apply(ossImport);
    } catch (ConfigurationException e) {
      for (ConfigWarning warning : e.warnings()) {
        task.log(warning.toString(), Project.MSG_WARN);
      }
      throw new BuildException(e.getMessage(), task.getLocation());
    } catch (JobConflictException e) {
      throw new BuildException(advise(e.getMessage(), e.remedy(), e.jobName(), -1), e, where());
    } catch (ServiceRunningException e) {
      throw new BuildException(advise(e.getMessage(), e.remedy(), null, e.pid()), e, where());
    } catch (OssImportException e) {
      throw new BuildException(advise(e.getMessage(), e.remedy(), null, -1), e, where());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException(
          "Interrupted; the job's progress is kept on disk.", e, task.getLocation());
    } catch (RuntimeException e) {
      if (e instanceof BuildException) {
        throw e;
      }
      throw new BuildException("ossimport failed unexpectedly: " + e, e, task.getLocation());
    }
  }

  /** Fails the task for an unfinished outcome (a deadline passed, a stop that timed out...). */
  void check(ServiceOutcome outcome) {
    if (!outcome.finished()) {
      throw fail(advise(outcome.message(), outcome.remedy(), null, outcome.pid()));
    }
  }

  /** The remedies in Ant's words: tasks and attributes. */
  static final RemedyWords WORDS =
      RemedyWords.builder()
          .submitJob(
              "run <ossimport:submit/> first (or point workdir at the job's working directory)")
          .nameJob("name one with the jobname attribute")
          .cleanJob(
              "run <ossimport:clean[ jobname=\"{job}\"]/> to remove it first, or <ossimport:start/>"
                  + " to continue it")
          .stopService("stop it with <ossimport:stop/> first, then try again")
          .retryAndStart("<ossimport:retry/> and <ossimport:start/>")
          .credentialOrigin("the accesskeysecret attribute / ossimport.accesskeysecret property")
          .startAgain(
              "run <ossimport:start/> again to resume (its timeout attribute sets the wait)")
          .build();

  /** The core's neutral {@code message} followed by {@code remedy} in Ant's words. */
  static String advise(String message, Remedy remedy, String job, long pid) {
    return WORDS.advise(message, remedy, job, pid);
  }

  /** Logs the summary of a job; a job with failed tasks or aborted fails the task. */
  void report(JobStatus job, Path workingDir) {
    boolean failed = JobReport.hasFailedTasks(job) && job.state() != JobState.Running;
    for (String line : JobReport.summary(job, workingDir, WORDS)) {
      task.log(line, failed ? Project.MSG_WARN : Project.MSG_INFO);
    }
    String failure = JobReport.failureOf(job, WORDS);
    if (failure != null) {
      throw fail(failure);
    }
  }

  private org.apache.tools.ant.Location where() {
    return task.getLocation();
  }

  /** A failure of the task's own making, at its location. */
  BuildException fail(String message) {
    return new BuildException(message, task.getLocation());
  }
}
