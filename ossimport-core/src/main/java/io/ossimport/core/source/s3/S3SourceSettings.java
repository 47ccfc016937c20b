package io.ossimport.core.source.s3;

import io.ossimport.core.source.SourceNetwork;
import java.util.Objects;

/**
 * What an {@link S3Source} needs: where the objects are, the key pair, and the job keys that shape
 * the listing. The secret is never shown: {@link #toString()} leaves it out.
 */
public final class S3SourceSettings {
  private final S3Flavor flavor;
  private final S3Location location;
  private final String srcDomain;
  private final String accessKeyId;
  private final String secretKey;
  private final String destPrefix;
  private final long importSinceSeconds;
  private final SourceNetwork network;

  private S3SourceSettings(Builder b) {
    this.flavor = b.flavor;
    this.location = b.location;
    this.srcDomain = b.srcDomain;
    this.accessKeyId = b.accessKeyId;
    this.secretKey = b.secretKey;
    this.destPrefix = b.destPrefix;
    this.importSinceSeconds = b.importSinceSeconds;
    this.network = b.network;
  }

  /**
   * Starts settings for a source of {@code flavor} at {@code location}.
   *
   * @param srcDomain the job's srcDomain as written, for messages
   */
  public static Builder builder(S3Flavor flavor, S3Location location, String srcDomain) {
    return new Builder(flavor, location, srcDomain);
  }

  public S3Flavor flavor() {
    return flavor;
  }

  public S3Location location() {
    return location;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  /** The clear-text secret, only for the SDK's credentials. */
  String secretKey() {
    return secretKey;
  }

  /** How requests reach the endpoint: route, proxy login, timeouts, trusted certificates. */
  public SourceNetwork network() {
    return network;
  }

  /** Prepended to references to check destination keys (as {@code destPrefix + reference}). */
  public String destPrefix() {
    return destPrefix;
  }

  /** Objects modified before this time (epoch seconds) are left out; 0 lists everything. */
  public long importSinceSeconds() {
    return importSinceSeconds;
  }

  /** How messages name the source: type, srcDomain and srcBucket, never a credential. */
  public String describe() {
    return "srcType="
        + flavor.configValue()
        + " srcDomain="
        + srcDomain
        + " srcBucket="
        + location.bucket();
  }

  @Override
  public String toString() {
    return describe() + " (" + location + ", AccessKey id " + accessKeyId + ")";
  }

  /** Builds {@link S3SourceSettings}. */
  public static final class Builder {
    private final S3Flavor flavor;
    private final S3Location location;
    private final String srcDomain;
    private SourceNetwork network = SourceNetwork.direct();
    private String accessKeyId = "";
    private String secretKey = "";
    private String destPrefix = "";
    private long importSinceSeconds;

    private Builder(S3Flavor flavor, S3Location location, String srcDomain) {
      this.flavor = Objects.requireNonNull(flavor, "flavor");
      this.location = Objects.requireNonNull(location, "location");
      this.srcDomain = srcDomain == null ? "" : srcDomain;
    }

    /** The AccessKey pair; the secret is kept for the SDK only. */
    public Builder credentials(String accessKeyId, String secretKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
      return this;
    }

    public Builder destPrefix(String prefix) {
      this.destPrefix = prefix == null ? "" : prefix;
      return this;
    }

    public Builder importSinceSeconds(long seconds) {
      this.importSinceSeconds = seconds;
      return this;
    }

    /** The job's network (default: direct, the default timeouts, the JVM's trust store). */
    public Builder network(SourceNetwork network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    public S3SourceSettings build() {
      return new S3SourceSettings(this);
    }
  }
}
