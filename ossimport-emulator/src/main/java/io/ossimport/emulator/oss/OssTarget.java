package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.UrlCodec;

/**
 * The bucket and key a request addresses, path style ({@code /bucket/key}) or virtual-host style
 * ({@code Host: bucket.<baseHost>}, path {@code /key}); which hosts are served is {@link OssHost}'s
 * rule.
 */
final class OssTarget {
  final String bucket;
  final String key;
  final boolean virtualHost;

  /** Set when the Host header names nothing the emulator serves; answered before anything else. */
  final OssError hostError;

  private OssTarget(String bucket, String key, boolean virtualHost, OssError hostError) {
    this.bucket = bucket;
    this.key = key;
    this.virtualHost = virtualHost;
    this.hostError = hostError;
  }

  static OssTarget of(HttpRequest req, EmulatorConfig config) {
    String raw = req.rawPath();
    String vhBucket;
    try {
      vhBucket = OssHost.bucketOf(req.header("Host"), config.baseHost(), config.region());
    } catch (OssError e) {
      return new OssTarget(null, null, false, e);
    }
    if (vhBucket != null) {
      String key = raw.length() <= 1 ? null : UrlCodec.decodePath(raw.substring(1));
      return new OssTarget(vhBucket, key, true, null);
    }
    if (raw.length() <= 1) {
      return new OssTarget(null, null, false, null);
    }
    int slash = raw.indexOf('/', 1);
    if (slash < 0) {
      return new OssTarget(UrlCodec.decodePath(raw.substring(1)), null, false, null);
    }
    String bucket = UrlCodec.decodePath(raw.substring(1, slash));
    String key = slash == raw.length() - 1 ? null : UrlCodec.decodePath(raw.substring(slash + 1));
    return new OssTarget(bucket, key, false, null);
  }

  /** The resource as signatures see it: {@code /}, {@code /bucket/} or {@code /bucket/key}. */
  String resourcePath() {
    if (bucket == null) {
      return "/";
    }
    return "/" + bucket + "/" + (key == null ? "" : key);
  }
}
