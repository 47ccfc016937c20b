package io.ossimport.core.source;

import java.io.IOException;

/**
 * A source read that failed in a way another attempt may cure: a remote source answered 5xx, timed
 * out, or dropped the connection. The worker retries it within its attempt budget and records
 * {@code SOURCE_READ_ERROR} when the budget is spent; a plain {@link IOException} of a source is
 * not retried.
 */
public class TransientSourceException extends IOException {
  private static final long serialVersionUID = 1L;

  public TransientSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
