package io.ossimport.emulator.store;

/** A store refusal, by dialect-neutral reason; each dialect maps reasons to its error codes. */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the store refused. */
  public enum Reason {
    NO_SUCH_BUCKET,
    BUCKET_ALREADY_EXISTS,
    BUCKET_NOT_EMPTY,
    NO_SUCH_KEY,
    NO_SUCH_UPLOAD,
    INVALID_PART
  }

  private final Reason reason;

  public StoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
