package io.ossimport.core.source.s3;

import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.util.Objects;
import java.util.function.BiFunction;

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
  private final ProxySelector proxies;
  private final BiFunction<String, Integer, PasswordAuthentication> proxyLogins;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  private S3SourceSettings(Builder b) {
    this.flavor = b.flavor;
    this.location = b.location;
    this.srcDomain = b.srcDomain;
    this.accessKeyId = b.accessKeyId;
    this.secretKey = b.secretKey;
    this.destPrefix = b.destPrefix;
    this.importSinceSeconds = b.importSinceSeconds;
    this.proxies = b.proxies;
    this.proxyLogins = b.proxyLogins;
    this.connectTimeoutMillis = b.connectTimeoutMillis;
    this.readTimeoutMillis = b.readTimeoutMillis;
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

  /** Prepended to references to check destination keys (as {@code destPrefix + reference}). */
  /** How requests to the endpoint are routed; {@code null}: directly. */
  public ProxySelector proxies() {
    return proxies;
  }

  /** The credentials for a proxy host and port, or {@code null}. */
  public PasswordAuthentication proxyLogin(String host, int port) {
    return proxyLogins == null ? null : proxyLogins.apply(host, port);
  }

  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public int readTimeoutMillis() {
    return readTimeoutMillis;
  }

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
    private ProxySelector proxies;
    private BiFunction<String, Integer, PasswordAuthentication> proxyLogins;
    private int connectTimeoutMillis = 10_000;
    private int readTimeoutMillis = 60_000;
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

    /**
     * The job's network: requests routed as {@code proxies} says for the endpoint ({@code null}:
     * directly), {@code proxyLogins} for the proxy's credentials, and the timeouts.
     */
    public Builder network(
        ProxySelector proxies,
        BiFunction<String, Integer, PasswordAuthentication> proxyLogins,
        int connectTimeoutMillis,
        int readTimeoutMillis) {
      this.proxies = proxies;
      this.proxyLogins = proxyLogins;
      this.connectTimeoutMillis = connectTimeoutMillis;
      this.readTimeoutMillis = readTimeoutMillis;
      return this;
    }

    public S3SourceSettings build() {
      return new S3SourceSettings(this);
    }
  }
}
