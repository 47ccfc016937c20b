package io.ossimport.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings every dialect reads: the virtual-host base name, access keys, region, anonymous access
 * and the allowed clock skew (and one S3 listing quirk). Immutable, built by {@link
 * OssEmulator.Builder}, except for the STS {@link #securityTokens()}, which tests add and expire
 * while the emulator runs.
 */
public final class EmulatorConfig {
  private final String baseHost;
  private final Map<String, String> credentials;
  private final String region;
  private final boolean allowAnonymous;
  private final long maxSkewMillis;
  private final boolean s3IgnoresEncodingType;
  private final SecurityTokens securityTokens = new SecurityTokens();

  EmulatorConfig(
      String baseHost,
      Map<String, String> credentials,
      String region,
      boolean allowAnonymous,
      long maxSkewMillis,
      boolean s3IgnoresEncodingType) {
    this.baseHost = baseHost;
    this.credentials = Collections.unmodifiableMap(new LinkedHashMap<String, String>(credentials));
    this.region = region;
    this.allowAnonymous = allowAnonymous;
    this.maxSkewMillis = maxSkewMillis;
    this.s3IgnoresEncodingType = s3IgnoresEncodingType;
  }

  /** Host name under which {@code <bucket>.<baseHost>} addresses a bucket (virtual-host style). */
  public String baseHost() {
    return baseHost;
  }

  /** The secret of an access key id, or {@code null} if the id is unknown. */
  public String secretOf(String accessKeyId) {
    return credentials.get(accessKeyId);
  }

  /** The STS temporary credentials accepted (with their security tokens). */
  public SecurityTokens securityTokens() {
    return securityTokens;
  }

  /** Number of configured key pairs. */
  public int credentialCount() {
    return credentials.size();
  }

  /** Region, e.g. {@code cn-hangzhou}; buckets are located in {@code oss-<region>}. */
  public String region() {
    return region;
  }

  /** Whether unsigned requests are served. */
  public boolean allowAnonymous() {
    return allowAnonymous;
  }

  /** How far a request's date may be from the server clock. */
  public long maxSkewMillis() {
    return maxSkewMillis;
  }

  /**
   * Whether the S3 dialect's listings ignore {@code encoding-type}, as S3-compatible stores that do
   * not implement it do: literal keys and no {@code EncodingType} element, whatever was asked.
   */
  public boolean s3IgnoresEncodingType() {
    return s3IgnoresEncodingType;
  }

  @Override
  public String toString() {
    return "EmulatorConfig{baseHost="
        + baseHost
        + ", accessKeyIds="
        + credentials.keySet()
        + ", region="
        + region
        + ", allowAnonymous="
        + allowAnonymous
        + (s3IgnoresEncodingType ? ", s3IgnoresEncodingType" : "")
        + "}";
  }
}
