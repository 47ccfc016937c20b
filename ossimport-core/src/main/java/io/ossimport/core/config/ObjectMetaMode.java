package io.ossimport.core.config;

import java.util.Locale;

/** {@code getObjectMetaMode} (qiniu): how object metadata is read from the source. */
public enum ObjectMetaMode {
  /** An HTTP HEAD request. */
  HEAD,
  /** The storage API's stat call. */
  STAT;

  /** The value as written in the file. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ObjectMetaMode fromConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
