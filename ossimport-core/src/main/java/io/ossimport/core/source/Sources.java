package io.ossimport.core.source;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.source.local.LocalSource;
import io.ossimport.core.source.local.LocalSourceSettings;
import java.nio.file.Paths;

/**
 * Opens the source a job config names. The one place that maps {@code srcType} to an
 * implementation, used by the master (to list) and the worker (to read).
 */
public final class Sources {
  private Sources() {}

  /**
   * The source of {@code config}.
   *
   * @throws UnsupportedOperationException for a {@code srcType} this version cannot read yet; the
   *     message names the type
   */
  public static Source open(JobConfig config) {
    switch (config.srcType()) {
      case LOCAL:
        return new LocalSource(
            LocalSourceSettings.builder(Paths.get(config.srcPrefix()))
                .scanThreadCount(config.scanThreadCount())
                .maxMultiThreadScanDepth(config.maxMultiThreadScanDepth())
                .allowSymbolicLinks(config.isAllowSymbolicLink())
                .importSinceSeconds(config.importSince())
                .keyPrefix(config.destPrefix())
                .build());
      default:
        throw new UnsupportedOperationException(
            "srcType="
                + config.srcType().configValue()
                + " is not supported yet; use srcType=local");
    }
  }
}
