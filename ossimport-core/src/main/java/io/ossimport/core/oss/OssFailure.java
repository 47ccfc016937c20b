package io.ossimport.core.oss;

import io.ossimport.core.jobtree.FailureCause;
import io.ossimport.core.jobtree.ReasonCode;
import java.util.Objects;

/**
 * What a failed request or source read means for the object: the reason code written to {@code
 * audit.log} and {@code error.list}, whether another attempt may succeed, whether it is
 * <em>unexpected</em> (a bug rather than a condition of the network, the server or the source),
 * whether it is about the destination as a whole rather than the object (wrong credentials, a
 * missing bucket, an endpoint that does not answer), and what the server said ({@link #cause()}).
 */
public final class OssFailure {
  private final ReasonCode reason;
  private final boolean retryable;
  private final boolean unexpected;
  private final boolean destinationWide;
  private final String detail;
  private final FailureCause cause;

  private OssFailure(
      ReasonCode reason,
      boolean retryable,
      boolean unexpected,
      boolean destinationWide,
      String detail,
      FailureCause cause) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryable = retryable;
    this.unexpected = unexpected;
    this.destinationWide = destinationWide;
    this.detail = detail == null ? "" : detail;
    this.cause = cause == null ? FailureCause.NONE : cause;
  }

  /** A condition worth another attempt (5xx, throttling, a reset connection). */
  public static OssFailure retryable(ReasonCode reason, String detail) {
    return new OssFailure(reason, true, false, false, detail, FailureCause.NONE);
  }

  /** A condition no other attempt can fix (wrong credentials, a bad key, a changed source). */
  public static OssFailure permanent(ReasonCode reason, String detail) {
    return new OssFailure(reason, false, false, false, detail, FailureCause.NONE);
  }

  /** An exception nothing classifies: a bug. It fails the object with {@code UNKNOWN}. */
  public static OssFailure unexpected(String detail) {
    return new OssFailure(ReasonCode.UNKNOWN, false, true, false, detail, FailureCause.NONE);
  }

  /** This failure, marked as about the destination as a whole, not the object. */
  OssFailure destinationWide() {
    return new OssFailure(reason, retryable, unexpected, true, detail, cause);
  }

  /** This failure with what the server said, and {@code detail} for operators. */
  OssFailure withCause(FailureCause newCause, String newDetail) {
    return new OssFailure(reason, retryable, unexpected, destinationWide, newDetail, newCause);
  }

  public ReasonCode reason() {
    return reason;
  }

  public boolean isRetryable() {
    return retryable;
  }

  /** True for a bug, which {@code workerAbortWhenUncatchedException=true} turns into Abort. */
  public boolean isUnexpected() {
    return unexpected;
  }

  /**
   * True when the failure says nothing about the object but about the destination: its credentials
   * are refused, its bucket does not exist, its endpoint does not answer. Every other object would
   * fail the same way, so a run of these aborts the job.
   */
  public boolean isDestinationWide() {
    return destinationWide;
  }

  /** One line for an operator: the server's code and message or the exception's message. */
  public String detail() {
    return detail;
  }

  /**
   * The OSS error code, message and request id of the answer (or the network error and its
   * message), for the extra columns of {@code audit.log} and {@code error.list}; {@link
   * FailureCause#NONE} when the failure came from the source or the worker itself.
   */
  public FailureCause cause() {
    return cause;
  }

  @Override
  public String toString() {
    return reason + (retryable ? " (retryable)" : "") + (detail.isEmpty() ? "" : ": " + detail);
  }
}
