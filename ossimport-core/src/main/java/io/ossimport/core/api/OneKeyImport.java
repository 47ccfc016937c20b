package io.ossimport.core.api;

/**
 * The one-key import ({@code import.sh} / {@code import.bat}): submit, start the service, follow
 * the job to its end, offer retries and the stop. This class holds the decisions (which outcome of
 * a step leads to which next step, when to ask and what an answer means); a front end runs each
 * step its own way ({@link Steps}) and asks its user its own way ({@link Questions}).
 *
 * <p>The flow: a job of the same name is resumed, or stopped, cleaned and submitted again (a second
 * refusal after a clean means another process submitted it: then it is resumed); after the job
 * ended with failed tasks they are retried up to a budget, or when the user agrees, and the job
 * followed again; at the end the service is stopped when asked for, or, after a success, when the
 * user agrees.
 */
public final class OneKeyImport {
  /** What to do with a job of the same name that already exists. */
  public enum ExistingJob {
    /** Continue it from its last checkpoint. */
    RESUME,
    /** Clean it and submit the job file again. */
    RESTART,
    /** Stop here. */
    QUIT
  }

  /** How submitting the job file went. */
  public enum Submitted {
    /** The job was submitted. */
    DONE,
    /** A job of that name exists. */
    JOB_EXISTS,
    /** The submit failed (the front end has said why). */
    FAILED
  }

  /** How following the job ended. */
  public enum JobEnd {
    /** The job succeeded. */
    SUCCEEDED,
    /** The job ended with failed tasks. */
    FAILED_TASKS,
    /** The job was aborted. */
    ABORTED,
    /** No service runs the job any more (it never came, or it stopped). */
    SERVICE_GONE,
    /** Following failed for another reason (the front end has said why). */
    FAILED
  }

  /** How the whole flow ended. */
  public enum Outcome {
    /** The job succeeded. */
    SUCCEEDED,
    /** The job ended with failed tasks, not (or no more) retried. */
    FAILED_TASKS,
    /** The job was aborted. */
    ABORTED,
    /** The service stopped before the job ended. */
    SERVICE_GONE,
    /** The user chose to quit when the job existed. */
    CANCELLED,
    /** A step failed; its own result says why (the front end keeps it, e.g. an exit code). */
    STEP_FAILED
  }

  /** The steps as the front end runs them; each reports to its user what it did. */
  public interface Steps {
    /** Submits the job file. */
    Submitted submit();

    /** The existing job is resumed (nothing to do but say so). */
    void resume();

    /** Stops the service and cleans the existing job; false when that failed. */
    boolean stopAndClean();

    /** Starts the service (one already running is fine); false when that failed. */
    boolean startService();

    /** Follows the job until it ends. */
    JobEnd follow();

    /** Moves the failed tasks back to pending, for the service to run again. */
    void retry();

    /** Stops the service at the end. */
    void stopService();

    /** The service is left running at the end (say how to stop it). */
    void leaveServiceRunning();
  }

  /** What the flow asks the user; an unanswered question is answered with QUIT or no. */
  public interface Questions {
    /** A job of the same name exists: resume, restart or quit? */
    ExistingJob whatOfExistingJob();

    /** The job ended with failed tasks: retry them? */
    boolean retryFailedTasks();

    /** The job succeeded: stop the service? */
    boolean stopServiceAtEnd();
  }

  private final Steps steps;
  private final Questions questions;
  private final ExistingJob existingJob;
  private final Integer retries;
  private final Boolean stop;

  /**
   * @param existingJob what to do with an existing job without asking, or null to ask
   * @param retries how many times to retry failed tasks without asking, or null to ask each time
   * @param stop whether to stop the service at the end without asking, or null to ask (after a
   *     success only; otherwise the service is left running)
   */
  public OneKeyImport(
      Steps steps, Questions questions, ExistingJob existingJob, Integer retries, Boolean stop) {
    this.steps = steps;
    this.questions = questions;
    this.existingJob = existingJob;
    this.retries = retries;
    this.stop = stop;
  }

  /** Runs the flow to its end. */
  public Outcome run() {
    Outcome stopped = submit();
    if (stopped != null) {
      return stopped;
    }
    if (!steps.startService()) {
      return Outcome.STEP_FAILED;
    }
    return follow();
  }

  /** Submits, or resumes or restarts an existing job; null to go on, else how the flow ends. */
  private Outcome submit() {
    ExistingJob preset = existingJob;
    while (true) {
      Submitted submitted = steps.submit();
      if (submitted != Submitted.JOB_EXISTS) {
        return submitted == Submitted.DONE ? null : Outcome.STEP_FAILED;
      }
      ExistingJob answer = preset != null ? preset : questions.whatOfExistingJob();
      if (answer == ExistingJob.RESUME) {
        steps.resume();
        return null;
      }
      if (answer != ExistingJob.RESTART) {
        return Outcome.CANCELLED;
      }
      if (!steps.stopAndClean()) {
        return Outcome.STEP_FAILED;
      }
      // a second refusal after a clean means another process submitted it: resume that one
      preset = ExistingJob.RESUME;
    }
  }

  private Outcome follow() {
    Integer left = retries;
    while (true) {
      switch (steps.follow()) {
        case SUCCEEDED:
          return finish(Outcome.SUCCEEDED);
        case FAILED_TASKS:
          if (left != null) {
            if (left <= 0) {
              return finish(Outcome.FAILED_TASKS);
            }
            left--;
          } else if (!questions.retryFailedTasks()) {
            return finish(Outcome.FAILED_TASKS);
          }
          steps.retry();
          break;
        case ABORTED:
          return finish(Outcome.ABORTED);
        case SERVICE_GONE:
          return Outcome.SERVICE_GONE;
        default:
          return Outcome.STEP_FAILED;
      }
    }
  }

  /** Stops the service when told to or, after a success, when the user agrees. */
  private Outcome finish(Outcome outcome) {
    boolean stopIt =
        stop != null ? stop : outcome == Outcome.SUCCEEDED && questions.stopServiceAtEnd();
    if (stopIt) {
      steps.stopService();
    } else {
      steps.leaveServiceRunning();
    }
    return outcome;
  }
}
