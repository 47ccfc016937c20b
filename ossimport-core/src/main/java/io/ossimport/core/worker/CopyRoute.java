package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether OSS can copy a job's objects itself (CopyObject, UploadPartCopy) instead of the worker
 * downloading and uploading them: the source says it can ({@link SourceFeature#SERVER_SIDE_COPY},
 * {@code srcType=oss}), and source and destination are the same endpoint (compared without scheme,
 * trailing slashes and case) with the same AccessKey id, so one signed request can read the one
 * bucket and write the other. A copy OSS refuses turns the route off for the rest of the job
 * ({@link #disable()}). One per {@link JobRuntime}; thread-safe.
 */
final class CopyRoute {
  private final String sourceBucket;
  private final String sourcePrefix;
  private final AtomicBoolean enabled;

  private CopyRoute(String sourceBucket, String sourcePrefix, boolean enabled) {
    this.sourceBucket = sourceBucket;
    this.sourcePrefix = sourcePrefix == null ? "" : sourcePrefix;
    this.enabled = new AtomicBoolean(enabled);
  }

  static CopyRoute of(JobConfig config, Source source) {
    boolean possible =
        source.features().contains(SourceFeature.SERVER_SIDE_COPY)
            && sameEndpoint(config.srcDomain(), config.destDomain())
            && config.srcAccessKey() != null
            && config.srcAccessKey().equals(config.destAccessKey());
    return new CopyRoute(config.srcBucket(), config.srcPrefix(), possible);
  }

  boolean enabled() {
    return enabled.get();
  }

  /** Turns server-side copy off for the job; true only for the call that turned it off. */
  boolean disable() {
    return enabled.getAndSet(false);
  }

  String sourceBucket() {
    return sourceBucket;
  }

  /** The source key of a reference ({@code srcPrefix + reference}, as the source lists it). */
  String sourceKey(String reference) {
    return sourcePrefix + reference;
  }

  /** Whether two endpoints name the same service: scheme, trailing slashes and case aside. */
  static boolean sameEndpoint(String a, String b) {
    return a != null && b != null && !a.trim().isEmpty() && normalise(a).equals(normalise(b));
  }

  private static String normalise(String endpoint) {
    String e = endpoint.trim().toLowerCase(Locale.ROOT);
    int scheme = e.indexOf("://");
    if (scheme >= 0) {
      e = e.substring(scheme + 3);
    }
    while (e.endsWith("/")) {
      e = e.substring(0, e.length() - 1);
    }
    return e;
  }

  @Override
  public String toString() {
    return "CopyRoute{" + (enabled() ? "server-side copy" : "download and upload") + "}";
  }
}
