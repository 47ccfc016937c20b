package io.ossimport.core.source.oss;

import java.util.Objects;

/**
 * Where an {@link OssSource} reads: endpoint, bucket and key prefix ({@code srcDomain}, {@code
 * srcBucket}, {@code srcPrefix}), plus what its listing needs from the job: the destination prefix
 * (to check keys) and {@code importSince}. Holds no credential: the client does.
 */
public final class OssSourceSettings {
  /** ListObjects returns at most this many keys per page. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final String endpoint;
  private final String bucket;
  private final String prefix;
  private final String keyPrefix;
  private final long importSinceSeconds;
  private final int pageSize;

  private OssSourceSettings(
      String endpoint,
      String bucket,
      String prefix,
      String keyPrefix,
      long importSinceSeconds,
      int pageSize) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = prefix == null ? "" : prefix;
    this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    this.importSinceSeconds = importSinceSeconds;
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE);
    }
    this.pageSize = pageSize;
  }

  /**
   * Settings for the objects of {@code bucket} whose keys start with {@code prefix}, to be copied
   * under {@code keyPrefix}.
   */
  public static OssSourceSettings of(
      String endpoint, String bucket, String prefix, String keyPrefix, long importSinceSeconds) {
    return new OssSourceSettings(
        endpoint, bucket, prefix, keyPrefix, importSinceSeconds, MAX_PAGE_SIZE);
  }

  /** A copy listing {@code size} keys per request (tests use small pages). */
  public OssSourceSettings withPageSize(int size) {
    return new OssSourceSettings(endpoint, bucket, prefix, keyPrefix, importSinceSeconds, size);
  }

  public String endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /** The source key prefix; the reference of an object is its key without it. Never null. */
  public String prefix() {
    return prefix;
  }

  /** The destination prefix ({@code destPrefix}) the references are checked under. */
  public String keyPrefix() {
    return keyPrefix;
  }

  public long importSinceSeconds() {
    return importSinceSeconds;
  }

  public int pageSize() {
    return pageSize;
  }

  /** The source key of a reference. */
  String key(String reference) {
    return prefix + reference;
  }

  /** {@code oss://bucket/key at endpoint}, for messages. */
  String describe(String key) {
    return "oss://" + bucket + "/" + key + " at " + endpoint;
  }

  @Override
  public String toString() {
    return "OssSourceSettings{" + describe(prefix) + "}";
  }
}
