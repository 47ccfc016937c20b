package io.ossimport.core.worker;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.oss.OssFailure;

/** How one object of a task ended in this run. */
final class ObjectOutcome {
  enum Kind {
    /** At the destination, verified (now or in an earlier run). */
    UPLOADED,
    /** Left alone on purpose. */
    SKIPPED,
    /** Failed for good; {@link #error} says why. */
    FAILED,
    /** Left for a resumed run by a graceful stop. */
    STOPPED
  }

  final Kind kind;
  final ErrorEntry error;

  /** For a failure that was a bug: the exception, so the task can abort if configured to. */
  final Throwable unexpected;

  /** For a failure: what it means (whether it is the destination's). */
  final OssFailure failure;

  private ObjectOutcome(Kind kind, ErrorEntry error, Throwable unexpected, OssFailure failure) {
    this.kind = kind;
    this.error = error;
    this.unexpected = unexpected;
    this.failure = failure;
  }

  static final ObjectOutcome UPLOADED = new ObjectOutcome(Kind.UPLOADED, null, null, null);
  static final ObjectOutcome SKIPPED = new ObjectOutcome(Kind.SKIPPED, null, null, null);
  static final ObjectOutcome STOPPED = new ObjectOutcome(Kind.STOPPED, null, null, null);

  static ObjectOutcome failed(ErrorEntry error, Throwable unexpected, OssFailure failure) {
    return new ObjectOutcome(Kind.FAILED, error, unexpected, failure);
  }
}
