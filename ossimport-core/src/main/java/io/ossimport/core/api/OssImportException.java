package io.ossimport.core.api;

/**
 * The checked base of every failure the engine reports to a front end. Subclasses say whose move it
 * is: {@link ConfigurationException} means the user must fix configuration; other subclasses name a
 * conflict with the state of the working directory; this class itself means something broke while
 * running (its cause says what).
 *
 * <p>Messages never contain secrets.
 */
public class OssImportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Remedy remedy;

  public OssImportException(String message) {
    this(message, Remedy.NONE);
  }

  public OssImportException(String message, Throwable cause) {
    super(message, cause);
    this.remedy = Remedy.NONE;
  }

  /**
   * @param remedy what the user does about it; each front end says it in its own words, so {@code
   *     message} names no command
   */
  public OssImportException(String message, Remedy remedy) {
    super(message);
    this.remedy = remedy;
  }

  /** What the user does about it, for the front end to render in its own words. */
  public Remedy remedy() {
    return remedy;
  }

  /**
   * What a front end prints for an unexpected {@code failure}: its message followed by each cause's
   * when it adds something (an {@link OssImportException}'s message alone, any other throwable with
   * its simple class name), with no stack trace.
   */
  public static String messageWithCauses(Throwable failure) {
    StringBuilder text = new StringBuilder(describe(failure));
    Throwable cause = failure.getCause();
    while (cause != null && cause != failure) {
      String more = describe(cause);
      if (text.indexOf(more) < 0) {
        text.append(": ").append(more);
      }
      failure = cause;
      cause = cause.getCause();
    }
    return text.toString();
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isEmpty()) {
      return t.getClass().getSimpleName();
    }
    return t instanceof OssImportException
        ? message
        : t.getClass().getSimpleName() + ": " + message;
  }
}
