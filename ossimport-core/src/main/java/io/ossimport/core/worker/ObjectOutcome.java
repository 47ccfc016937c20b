package io.ossimport.core.worker;

import io.ossimport.core.jobtree.ErrorEntry;

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

  private ObjectOutcome(Kind kind, ErrorEntry error, Throwable unexpected) {
    this.kind = kind;
    this.error = error;
    this.unexpected = unexpected;
  }

  static final ObjectOutcome UPLOADED = new ObjectOutcome(Kind.UPLOADED, null, null);
  static final ObjectOutcome SKIPPED = new ObjectOutcome(Kind.SKIPPED, null, null);
  static final ObjectOutcome STOPPED = new ObjectOutcome(Kind.STOPPED, null, null);

  static ObjectOutcome failed(ErrorEntry error, Throwable unexpected) {
    return new ObjectOutcome(Kind.FAILED, error, unexpected);
  }
}
