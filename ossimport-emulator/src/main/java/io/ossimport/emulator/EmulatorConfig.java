package io.ossimport.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings every dialect reads: the virtual-host base name, access keys, region, anonymous access
 * and the allowed clock skew. Immutable, built by {@link OssEmulator.Builder}, except for the STS
 * {@link #securityTokens()}, which tests add and expire while the emulator runs.
 */
public final class EmulatorConfig {
  private final String baseHost;
  private final Map<String, String> credentials;
  private final String region;
  private final boolean allowAnonymous;
  private final long maxSkewMillis;
  private final SecurityTokens securityTokens = new SecurityTokens();

  EmulatorConfig(
      String baseHost,
      Map<String, String> credentials,
      String region,
      boolean allowAnonymous,
      long maxSkewMillis) {
    this.baseHost = baseHost;
    this.credentials = Collections.unmodifiableMap(new LinkedHashMap<String, String>(credentials));
    this.region = region;
    this.allowAnonymous = allowAnonymous;
    this.maxSkewMillis = maxSkewMillis;
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
        + "}";
  }
}
