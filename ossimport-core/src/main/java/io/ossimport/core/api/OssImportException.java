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

  public OssImportException(String message) {
    super(message);
  }

  public OssImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
