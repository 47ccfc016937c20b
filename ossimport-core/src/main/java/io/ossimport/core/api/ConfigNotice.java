package io.ossimport.core.api;

import java.util.Arrays;

/** The fields and the one-line rendering shared by {@link ConfigProblem} and warnings. */
final class ConfigNotice {
  final String file;
  final int line;
  final String key;
  final String value;
  final String message;
  final String fix;

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

  private static String requireText(String text, String what) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return text;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConfigNotice)) {
      return false;
    }
    ConfigNotice other = (ConfigNotice) o;
    return Arrays.equals(fields(), other.fields());
  }

  @Override
  public int hashCode() {
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

  @Override
  public String toString() {
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
