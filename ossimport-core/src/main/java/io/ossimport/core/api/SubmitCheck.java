package io.ossimport.core.api;

/**
 * Whether {@code submit} contacts the destination before it accepts a job.
 *
 * <p>{@link #ONLINE} (what every front end does unless told otherwise): the endpoint must answer,
 * the bucket must exist and the AccessKey must be allowed to write to it, checked with requests
 * that leave nothing behind; each problem is a {@link ConfigProblem} of the {@link
 * ConfigurationException}, and nothing is written. {@link #OFFLINE} ({@code console.sh submit
 * --offline}, {@code -Dossimport.offline=true}, Ant {@code offline="true"}): only the checks that
 * need no network, for a job prepared on a machine that cannot reach OSS yet; a wrong destination
 * then shows at start, where the job aborts after a few failures.
 */
public enum SubmitCheck {
  /** Contact the destination before accepting the job. */
  ONLINE,
  /** Accept the job without contacting anything. */
  OFFLINE
}
