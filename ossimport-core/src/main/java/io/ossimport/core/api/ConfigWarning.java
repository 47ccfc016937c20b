package io.ossimport.core.api;

/**
 * Something in a configuration that works but is probably not what the user meant: an unknown key
 * (with the closest known name), a deprecated key, a duplicate line, a value that is allowed but
 * discouraged.
 *
 * <p>Immutable; never carries a secret (secret values are shown as {@code ****}). {@link
 * #toString()} renders one line in the same shape as {@link ConfigProblem}.
 */
public final class ConfigWarning extends ConfigNotice {
  /**
   * Creates a warning.
   *
   * @param file where the key was found (a file path as given, or a label)
   * @param line 1-based line in {@code file}, or 0 when unknown
   * @param key the key concerned
   * @param value the value as written, already masked when secret, or {@code null} to omit it
   * @param message what is suspicious
   * @param advice what to do about it
   */
  public ConfigWarning(
      String file, int line, String key, String value, String message, String advice) {
    super(file, line, key, value, message, advice);
  }

  /** What to do about it. */
  public String advice() {
    return remedyText();
  }
}
