package io.ossimport.core.source;

import java.io.IOException;
import java.util.Objects;

/**
 * A listed entry is not something that can be migrated, or not now: a special file, a name that
 * cannot be opened, a directory that cannot be listed, a symbolic link a rule skips. A source's
 * {@link Source#stat} throws it when it looks at the entry again, so the worker records the entry
 * as failed (or, where {@link SkipReason#isRule()}, skipped) with a reason code instead of the
 * entry disappearing; the message says what was found and the fix.
 */
public class UnusableEntryException extends IOException {
  private static final long serialVersionUID = 1L;

  private final SkipReason reason;

  public UnusableEntryException(String reference, SkipReason reason, String detail) {
    super(reference + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What the entry is. */
  public SkipReason reason() {
    return reason;
  }
}
