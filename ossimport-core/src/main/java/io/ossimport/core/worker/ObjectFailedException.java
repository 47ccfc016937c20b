package io.ossimport.core.worker;

import io.ossimport.core.oss.OssFailure;

/** An object failed for good (retry budget spent, or a permanent condition). */
final class ObjectFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient OssFailure failure;

  ObjectFailedException(OssFailure failure, Throwable cause) {
    super(failure.toString(), cause, false, false);
    this.failure = failure;
  }

  OssFailure failure() {
    return failure;
  }
}
