package io.ossimport.core.config;

import java.util.Locale;

/**
 * {@code skipExistMode}: how {@code isSkipExistFile} finds out what the destination holds. The
 * decision per object is the same in every mode (same size, Last-Modified not older than the
 * source); only the requests differ.
 */
public enum SkipExistMode {
  /** One HEAD per object, as the original. */
  HEAD,
  /** One listing of each task's key range, up to 1,000 keys per ListObjects page. */
  LIST,
  /** Listing where the task's counts say it is cheaper, one HEAD per object otherwise. */
  AUTO;

  /** The value as written in the file. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SkipExistMode fromConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
