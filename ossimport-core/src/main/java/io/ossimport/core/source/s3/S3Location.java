package io.ossimport.core.source.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where an S3-compatible source lives, as {@link S3Endpoints} derives it from the job keys: the
 * endpoint, the signing region, the addressing style, the bucket as the store names it and the key
 * prefix every listed key starts with.
 */
public final class S3Location {
  private final URI endpoint;
  private final String region;
  private final boolean pathStyle;
  private final String bucket;
  private final String keyPrefix;

  public S3Location(
      URI endpoint, String region, boolean pathStyle, String bucket, String keyPrefix) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.region = Objects.requireNonNull(region, "region");
    this.pathStyle = pathStyle;
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  /** Scheme, host and port, e.g. {@code https://s3.us-west-2.amazonaws.com}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The SigV4 signing region, e.g. {@code us-east-1}. */
  public String region() {
    return region;
  }

  /** True for {@code endpoint/bucket/key} URLs, false for {@code bucket.endpoint/key}. */
  public boolean pathStyle() {
    return pathStyle;
  }

  /** The bucket name sent to the store (for COS with the {@code -<appId>} suffix). */
  public String bucket() {
    return bucket;
  }

  /** The key prefix listed, never starting with {@code /}; empty for the whole bucket. */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof S3Location)) {
      return false;
    }
    S3Location that = (S3Location) o;
    return endpoint.equals(that.endpoint)
        && region.equals(that.region)
        && pathStyle == that.pathStyle
        && bucket.equals(that.bucket)
        && keyPrefix.equals(that.keyPrefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoint, region, pathStyle, bucket, keyPrefix);
  }

  @Override
  public String toString() {
    return endpoint
        + (pathStyle ? " (path style, " : " (virtual-hosted, ")
        + region
        + ") bucket "
        + bucket
        + " prefix '"
        + keyPrefix
        + "'";
  }
}
