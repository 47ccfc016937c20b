package io.ossimport.core.api;

/**
 * The state of a job, spelled as the original ossimport prints it after {@code JobState:} so that
 * scripts grepping {@code JobState:Succeed} or {@code JobState:Failed} keep working.
 */
public enum JobState {
  /** Submitted and not yet finished: scanning, or tasks pending or running. */
  Running,
  /** The scan finished and every task completed without a failed object. */
  Succeed,
  /** The scan finished, nothing is pending or running, and at least one task failed. */
  Failed,
  /** The engine gave up on the job (an uncaught error with workerAbortWhenUncatchedException). */
  Abort
}
