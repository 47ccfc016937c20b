package io.ossimport.core.oss;

import io.ossimport.core.jobtree.ReasonCode;
import java.util.Objects;

/**
 * What a failed request or source read means for the object: the reason code written to {@code
 * audit.log} and {@code error.list}, whether another attempt may succeed, and whether it is
 * <em>unexpected</em> (a bug rather than a condition of the network, the server or the source).
 */
public final class OssFailure {
  private final ReasonCode reason;
  private final boolean retryable;
  private final boolean unexpected;
  private final String detail;

  private OssFailure(ReasonCode reason, boolean retryable, boolean unexpected, String detail) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryable = retryable;
    this.unexpected = unexpected;
    this.detail = detail == null ? "" : detail;
  }

  /** A condition worth another attempt (5xx, throttling, a reset connection). */
  public static OssFailure retryable(ReasonCode reason, String detail) {
    return new OssFailure(reason, true, false, detail);
  }

  /** A condition no other attempt can fix (wrong credentials, a bad key, a changed source). */
  public static OssFailure permanent(ReasonCode reason, String detail) {
    return new OssFailure(reason, false, false, detail);
  }

  /** An exception nothing classifies: a bug. It fails the object with {@code UNKNOWN}. */
  public static OssFailure unexpected(String detail) {
    return new OssFailure(ReasonCode.UNKNOWN, false, true, detail);
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

  /** One line for an operator: the server's code and message or the exception's message. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return reason + (retryable ? " (retryable)" : "") + (detail.isEmpty() ? "" : ": " + detail);
  }
}
