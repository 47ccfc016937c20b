package io.ossimport.ant;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.RemedyWords;
import io.ossimport.core.api.ServiceOutcome;
import io.ossimport.core.api.Shell;
import io.ossimport.core.api.SuppliedCredentials;
import java.nio.file.Path;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * Runs one task's work through the core's {@link Shell}, and is the only place where its failures
 * become {@link BuildException}s at the task's location, with the core's message (which names the
 * file, key, value and fix, or the job and lock in conflict) and the cause. A job with failed tasks
 * also ends in a {@link BuildException}, which {@code failonerror="false"} turns into a warning
 * like every other failure of the task's work.
 */
final class AntRunner {
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

  private final Task task;
  private final Shell shell;

  /**
   * @param sysConfig the sys.properties to read, or null for defaults
   * @param workDir the working directory, replacing {@code workingDir} of sys.properties, or null
   */
  AntRunner(Task task, Path sysConfig, Path workDir, SuppliedCredentials credentials) {
    this.task = task;
    Shell.Log lines =
        Shell.Log.of(
            line -> task.log(line, Project.MSG_ERR),
            line -> task.log(line, Project.MSG_WARN),
            line -> task.log(line, Project.MSG_INFO),
            line -> task.log(line, Project.MSG_DEBUG));
    this.shell = new Shell(sysConfig, workDir, System.getenv(), credentials, WORDS, lines);
  }

  /** Opens the facade once (reading sys.properties), then applies {@code call} to it. */
  <T> T run(Shell.Call<T> call) {
    try {
      return shell.run(call);
    } catch (Shell.Failure failure) {
      throw fail(failure);
    }
  }

  /** Fails the task for an unfinished outcome (a deadline passed, a stop that timed out...). */
  void check(ServiceOutcome outcome) {
    failIf(shell.failureOf(outcome));
  }

  /** Logs the summary of a job; a job with failed tasks or aborted fails the task. */
  void report(JobStatus job, Path workingDir) {
    failIf(shell.summarize(job, workingDir));
  }

  private void failIf(Shell.Failure failure) {
    if (failure != null) {
      throw fail(failure);
    }
  }

  private BuildException fail(Shell.Failure failure) {
    return new BuildException(failure.getMessage(), failure.getCause(), task.getLocation());
  }
}
