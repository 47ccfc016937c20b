package io.ossimport.core.api;

import java.util.Arrays;

/**
 * What {@link ConfigProblem} (an error) and {@link ConfigWarning} (a doubt) have in common: where
 * it is (file and line), which key, the value as written, what is wrong and what to do, and their
 * one-line rendering {@code file[:line]: key[='value']: message; fix}.
 *
 * <p>Immutable; never carries a secret (secret values are masked as {@code ****} before an instance
 * is created). Two notices are equal when they are of the same kind and all fields are equal.
 */
public abstract class ConfigNotice {
  private final String file;
  private final int line;
  private final String key;
  private final String value;
  private final String message;
  private final String fix;

  ConfigNotice(String file, int line, String key, String value, String message, String fix) {
    this.file = requireText(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
    }
    this.line = line;
    this.key = key == null ? "" : key;
    this.value = value;
    this.message = requireText(message, "message");
    this.fix = fix == null ? "" : fix;
  }

  /**
   * Where the value came from: a file path as the user gave it, or a label such as {@code
   * environment variable OSS_ACCESS_KEY_ID} or {@code pom.xml <configuration>}.
   */
  public final String file() {
    return file;
  }

  /** The 1-based line in {@link #file()}, or 0 when the value did not come from a line. */
  public final int line() {
    return line;
  }

  /** The key concerned, or {@code ""} when the notice concerns the whole file. */
  public final String key() {
    return key;
  }

  /** The value as written ({@code ****} for a secret), or {@code null} when unset or not shown. */
  public final String value() {
    return value;
  }

  /** What is wrong or suspicious, e.g. {@code must not start with '/' or '\'}. */
  public final String message() {
    return message;
  }

  /** What to do about it, preferably with an example line; {@code ""} when nothing to say. */
  final String remedyText() {
    return fix;
  }

  private static String requireText(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return text;
  }

  @Override
  public final boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    ConfigNotice other = (ConfigNotice) o;
    return Arrays.equals(fields(), other.fields());
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(fields());
  }

  private Object[] fields() {
    return new Object[] {file, line, key, value, message, fix};
  }

  /** Control characters as escapes, so that a notice stays on one line. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** One readable line: {@code file[:line]: key[='value']: message; fix}. */
  @Override
  public final String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (!key.isEmpty()) {
      out.append(key);
      if (value != null) {
        out.append("='").append(printable(value)).append('\'');
      }
      out.append(": ");
    }
    out.append(message);
    if (!fix.isEmpty()) {
      out.append("; ").append(fix);
    }
    return out.toString();
  }
}
