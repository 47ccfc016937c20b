package io.ossimport.core.config;

/**
 * A credential (AccessKey secret, password, token) that must never be printed: {@link #toString()}
 * is masked, and only code that needs the clear text (the OSS client, the frozen owner-only job
 * file) calls {@link #reveal()}.
 */
public final class Secret {
  /** How a secret is shown anywhere a value is shown. */
  public static final String MASK = "****";

  private static final Secret EMPTY = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a clear-text secret; {@code null} is treated as empty. */
  public static Secret of(String clearText) {
    return clearText == null || clearText.isEmpty() ? EMPTY : new Secret(clearText);
  }

  /** The empty secret (not set). */
  public static Secret empty() {
    return EMPTY;
  }

  /** The clear text. Call it only to hand the secret to the code that uses it. */
  public String reveal() {
    return value;
  }

  /** Whether no secret was given. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret && ((Secret) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@value #MASK}, whatever the secret, so that it cannot leak through logging. */
  @Override
  public String toString() {
    return MASK;
  }
}
