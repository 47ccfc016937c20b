package io.ossimport.core.api;

/**
 * One thing wrong with a configuration, phrased so that the user can fix it without reading the
 * documentation: where it is (file and line), which key, the offending value and the fix.
 *
 * <p>Instances are immutable values. The value is always shown as the user wrote it, except for
 * secrets (AccessKey secrets, passwords), which are replaced by {@code ****} before an instance is
 * created: a problem never carries a secret.
 *
 * <p>{@link #toString()} renders one line, e.g. {@code conf/local_job.cfg:54: destPrefix='/a/b':
 * must not start with '/' or '\'; remove the leading slash, e.g. destPrefix=a/b}.
 */
public final class ConfigProblem extends ConfigNotice {
  /**
   * Creates a problem.
   *
   * @param file where the value came from: a file path as the user gave it, or a label such as
   *     {@code environment variable OSS_ACCESS_KEY_ID} or {@code pom.xml <configuration>}
   * @param line 1-based line in {@code file}, or 0 when the value did not come from a line
   * @param key the configuration key, or {@code ""} when the problem concerns the whole file
   * @param value the value as written, already masked when secret; {@code null} when the key is not
   *     set at all
   * @param message what is wrong, e.g. {@code must not start with '/' or '\'}
   * @param fix how to fix it, preferably with an example line
   */
  public ConfigProblem(
      String file, int line, String key, String value, String message, String fix) {
    super(file, line, key, value, message, fix);
  }

  /** How to fix it. */
  public String fix() {
    return remedyText();
  }
}
