package io.ossimport.core.config;

import java.util.Locale;

/** {@code auditMode}: how thoroughly an object is verified after upload or in an audit. */
public enum AuditMode {
  /** Size only. */
  SIMPLE,
  /** Size, last-modified time and headers. */
  GENERAL,
  /** Content checksum. */
  DETAILED;

  /** The value as written in the file. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AuditMode fromConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
