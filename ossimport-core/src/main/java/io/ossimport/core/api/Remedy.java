package io.ossimport.core.api;

/**
 * What the user does about a failure or an unfinished outcome, without naming any front end's
 * command: the core says {@link #CLEAN_JOB}, and the CLI renders it as {@code console.sh clean},
 * Maven as {@code ossimport:clean}, Ant as {@code <ossimport:clean/>}, each in the one place where
 * it translates failures.
 */
public enum Remedy {
  /** Nothing to add: the message says it all (or the cause is outside ossimport). */
  NONE,
  /** Submit the job first (there is none, or none of that name). */
  SUBMIT_JOB,
  /** Several jobs: name the one meant. */
  NAME_JOB,
  /** A job of that name exists: clean it to submit again, or start to continue it. */
  CLEAN_JOB,
  /** A service (or a clean) holds the working directory: stop it first, then try again. */
  STOP_SERVICE,
  /** Failed tasks or an aborted job: fix the cause, then retry and start. */
  RETRY_AND_START,
  /** The job still runs (a deadline passed or the service was stopped): start again to resume. */
  START_AGAIN,
  /** The service did not stop in time: end its process by the PID named. */
  KILL_SERVICE
}
