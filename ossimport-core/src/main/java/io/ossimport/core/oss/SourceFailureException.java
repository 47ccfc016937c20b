package io.ossimport.core.oss;

import io.ossimport.core.jobtree.ReasonCode;
import java.io.IOException;
import java.util.Objects;

/**
 * Thrown by a request body (the source being read) to end a request on purpose: the source changed
 * or vanished while it was read, or could not be read. The HTTP client wraps it, and {@link
 * OssFailures#classify} finds it in the cause chain and reports its reason, so the request fails
 * for the right reason and its body stays incomplete (OSS never stores a partial object).
 */
public class SourceFailureException extends IOException {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;
  private final boolean retryable;

  public SourceFailureException(ReasonCode reason, boolean retryable, String message) {
    this(reason, retryable, message, null);
  }

  public SourceFailureException(
      ReasonCode reason, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryable = retryable;
  }

  public ReasonCode reason() {
    return reason;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
