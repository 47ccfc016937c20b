package io.ossimport.emulator.oss;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bucket a {@code Host} header names. Served hosts: an IP literal, {@code localhost} or
 * the configured base host (path style: {@code /bucket/key}), {@code <bucket>.<base host>}, and the
 * regional OSS endpoints {@code oss-<region>.aliyuncs.com} / {@code oss-<region>-internal
 * .aliyuncs.com} with or without a {@code <bucket>.} in front, so a client pointed at a
 * real-looking endpoint through a hosts entry or a proxy works. Any other host is refused with a
 * clear error instead of being guessed as path style (a misconfigured client would otherwise see
 * {@code /dir/a.txt} as bucket {@code dir}).
 */
final class OssHost {
  private static final Pattern OSS_ENDPOINT =
      Pattern.compile("(?:([^.]+)\\.)?(oss-([a-z0-9-]+?)(?:-internal)?\\.aliyuncs\\.com)");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");

  private OssHost() {}

  /**
   * The bucket of a virtual-host style Host, or {@code null} when the host is an endpoint itself
   * (path style or a service request).
   */
  static String bucketOf(String hostHeader, String baseHost, String region) throws OssError {
    String host = hostName(hostHeader);
    if (host == null || host.equals("localhost") || isIpLiteral(host)) {
      return null;
    }
    String base = baseHost == null ? "" : hostName(baseHost);
    if (base != null && !base.isEmpty()) {
      if (host.equals(base)) {
        return null;
      }
      if (host.endsWith("." + base)) {
        String bucket = host.substring(0, host.length() - base.length() - 1);
        if (bucket.indexOf('.') >= 0) {
          throw unknownHost(hostHeader, baseHost, region);
        }
        return bucket;
      }
    }
    Matcher m = OSS_ENDPOINT.matcher(host);
    if (m.matches()) {
      String bucket = m.group(1);
      if (bucket != null && !m.group(3).equals(region)) {
        throw new OssError(
                403,
                "AccessDenied",
                "The bucket you are attempting to access must be addressed using the specified"
                    + " endpoint. Please send all future requests to this endpoint.")
            .with("Bucket", bucket)
            .with("Endpoint", "oss-" + region + ".aliyuncs.com");
      }
      return bucket;
    }
    throw unknownHost(hostHeader, baseHost, region);
  }

  private static OssError unknownHost(String hostHeader, String baseHost, String region) {
    return OssError.invalidArgument(
        "The emulator does not serve Host '"
            + hostHeader
            + "'. Use an IP address or localhost (path style: /bucket/key), the base host '"
            + baseHost
            + "' or <bucket>."
            + baseHost
            + ", or oss-"
            + region
            + ".aliyuncs.com / <bucket>.oss-"
            + region
            + ".aliyuncs.com; to serve another name, start the emulator with it as base host"
            + " (Builder.baseHost / --base-host).",
        "Host",
        hostHeader);
  }

  /** The host without port and trailing dot, lower case; {@code null} for an empty header. */
  private static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.trim().isEmpty()) {
      return null;
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && colon == h.lastIndexOf(':')) {
      h = h.substring(0, colon);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  private static boolean isIpLiteral(String host) {
    // A bracketed or bare IPv6 literal (more than one ':' survives hostName), or dotted IPv4.
    return host.startsWith("[") || host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
  }
}
