package io.ossimport.core.config;

import java.util.Locale;

/** {@code jobType}: migrate, or only compare source and destination. */
public enum JobType {
  IMPORT,
  AUDIT;

  /** The value as written in the file. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static JobType fromConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
