package io.ossimport.core.config;

import java.util.Locale;

/** The {@code srcType} values the configuration accepts (youpai is refused on load). */
public enum SourceType {
  LOCAL,
  OSS,
  S3,
  QINIU,
  BOS,
  KS3,
  COS,
  HTTP,
  AZURE;

  /** The value as written in the file, e.g. {@code local}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the source is another object store, reached with credentials and a bucket. */
  public boolean isObjectStore() {
    return this != LOCAL && this != HTTP;
  }

  static SourceType fromConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
