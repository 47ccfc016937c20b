package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.UrlCodec;
import java.util.Locale;

/**
 * The bucket and key a request addresses, path style ({@code /bucket/key}) or virtual-host style
 * ({@code Host: bucket.<baseHost>}, path {@code /key}).
 */
final class OssTarget {
  final String bucket;
  final String key;
  final boolean virtualHost;

  private OssTarget(String bucket, String key, boolean virtualHost) {
    this.bucket = bucket;
    this.key = key;
    this.virtualHost = virtualHost;
  }

  static OssTarget of(HttpRequest req, String baseHost) {
    String raw = req.rawPath();
    String vhBucket = virtualHostBucket(req.header("Host"), baseHost);
    if (vhBucket != null) {
      String key = raw.length() <= 1 ? null : UrlCodec.decodePath(raw.substring(1));
      return new OssTarget(vhBucket, key, true);
    }
    if (raw.length() <= 1) {
      return new OssTarget(null, null, false);
    }
    int slash = raw.indexOf('/', 1);
    if (slash < 0) {
      return new OssTarget(UrlCodec.decodePath(raw.substring(1)), null, false);
    }
    String bucket = UrlCodec.decodePath(raw.substring(1, slash));
    String key = slash == raw.length() - 1 ? null : UrlCodec.decodePath(raw.substring(slash + 1));
    return new OssTarget(bucket, key, false);
  }

  private static String virtualHostBucket(String host, String baseHost) {
    if (host == null || baseHost == null || baseHost.isEmpty()) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (!h.startsWith("[")) {
      int colon = h.lastIndexOf(':');
      if (colon > 0) {
        h = h.substring(0, colon);
      }
    }
    String suffix = "." + baseHost.toLowerCase(Locale.ROOT);
    if (h.endsWith(suffix) && h.length() > suffix.length()) {
      String b = h.substring(0, h.length() - suffix.length());
      return b.indexOf('.') < 0 ? b : null;
    }
    return null;
  }

  /** The resource as signatures see it: {@code /}, {@code /bucket/} or {@code /bucket/key}. */
  String resourcePath() {
    if (bucket == null) {
      return "/";
    }
    return "/" + bucket + "/" + (key == null ? "" : key);
  }
}
