package io.ossimport.core.source.s3;

import java.util.Locale;

/**
 * The S3-compatible stores this package reads: each {@code srcType} it serves, with the rules that
 * turn {@code srcDomain}/{@code srcBucket}/{@code srcPrefix} into an endpoint (see {@link
 * S3Endpoints}).
 */
public enum S3Flavor {
  /** Amazon S3 or any S3-compatible server (MinIO, Ceph RGW, ...). */
  S3,
  /** Qiniu Kodo through its S3 endpoint {@code s3.<region>.qiniucs.com}. */
  QINIU,
  /** Baidu BOS through its S3 endpoint {@code s3.<region>.bcebos.com}. */
  BOS,
  /** Kingsoft KS3, whose regional endpoints speak S3. */
  KS3,
  /** Tencent COS through {@code cos.<region>.myqcloud.com}; buckets carry the AppId. */
  COS;

  /** The {@code srcType} value, e.g. {@code cos}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
