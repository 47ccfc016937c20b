package io.ossimport.core.source.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the job keys of an S3-compatible source into an {@link S3Location}, one rule per store.
 *
 * <ul>
 *   <li>{@code srcDomain} is a URL or a bare host ({@code https://} is assumed). A host the rules
 *       know is addressed virtual-hosted ({@code bucket.host}) and signed for the region in its
 *       name: {@code s3.<region>.amazonaws.com} (also {@code s3-<region>}, {@code .com.cn}, {@code
 *       dualstack} and {@code vpce} forms; {@code s3.amazonaws.com} is {@code us-east-1}), {@code
 *       s3.<region>.qiniucs.com}, {@code [s3.]<region>.bcebos.com} (BOS's API host {@code
 *       bj.bcebos.com} becomes its S3 host {@code s3.bj.bcebos.com}), {@code
 *       ks3-<region>[-internal].ksyun[cs].com} and {@code cos.<region>.myqcloud.com}.
 *   <li>Any other host (MinIO, Ceph, a private deployment) is addressed path-style ({@code
 *       host/bucket}) and signed for {@code us-east-1}, which such servers accept.
 *   <li>qiniu: ossimport 2.x took the bucket's download domain ({@code *.qiniudn.com}, {@code
 *       *.clouddn.com}, ...); the S3 API needs the region's S3 endpoint instead, and such a domain
 *       is refused with that advice.
 *   <li>cos: {@code srcDomain} may also be just the region ({@code ap-guangzhou}) or an old short
 *       code ({@code sh}, {@code gz}, {@code tj}, ...); the bucket is {@code <srcBucket>-<appId>}
 *       unless {@code srcBucket} already ends with {@code -<appId>} or {@code appId} is 0; {@code
 *       srcPrefix} starts and ends with {@code /} and its leading {@code /} is dropped.
 * </ul>
 */
public final class S3Endpoints {
  /** us-east-1: what AWS's global endpoint and most S3-compatible servers sign for. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern AWS =
      Pattern.compile(
          "(?:^|.*\\.)s3[.-](?:dualstack\\.)?([a-z0-9-]+)\\.(?:vpce\\.)?amazonaws\\.com(?:\\.cn)?");
  private static final Pattern AWS_GLOBAL =
      Pattern.compile("(?:.*\\.)?s3(?:-external-1)?\\.amazonaws\\.com");
  private static final Pattern QINIU = Pattern.compile("s3[.-]([a-z0-9-]+)\\.qiniucs\\.com");
  private static final Pattern QINIU_DOWNLOAD =
      Pattern.compile(".*\\.(?:qiniudn\\.com|clouddn\\.com|qnssl\\.com|qiniucdn\\.com|qbox\\.me)");
  private static final Pattern BOS = Pattern.compile("(s3\\.)?([a-z0-9-]+)\\.bcebos\\.com");
  private static final Pattern KS3 =
      Pattern.compile("ks3-([a-z0-9-]+?)(?:-internal)?\\.ksyun(?:cs)?\\.com");
  private static final Pattern COS_HOST = Pattern.compile("cos\\.([a-z0-9-]+)\\.myqcloud\\.com");
  private static final Pattern COS_REGION = Pattern.compile("[a-z]+(?:-[a-z0-9]+)+");

  /** COS v4 short region codes, as ossimport 2.x's srcDomain took them. */
  private static final Map<String, String> COS_SHORT_CODES = new HashMap<String, String>();

  static {
    COS_SHORT_CODES.put("sh", "ap-shanghai");
    COS_SHORT_CODES.put("gz", "ap-guangzhou");
    COS_SHORT_CODES.put("tj", "ap-beijing-1");
    COS_SHORT_CODES.put("bj", "ap-beijing");
    COS_SHORT_CODES.put("cd", "ap-chengdu");
    COS_SHORT_CODES.put("cq", "ap-chongqing");
    COS_SHORT_CODES.put("hk", "ap-hongkong");
    COS_SHORT_CODES.put("sgp", "ap-singapore");
  }

  private S3Endpoints() {}

  /**
   * The location the keys name.
   *
   * @throws BadSrcDomainException naming the value, what is wrong and the fix
   */
  public static S3Location resolve(
      S3Flavor flavor, String srcDomain, String srcBucket, String srcPrefix, long appId) {
    String domain = srcDomain == null ? "" : srcDomain.trim();
    String prefix = srcPrefix == null ? "" : srcPrefix;
    String bucket = srcBucket;
    if (flavor == S3Flavor.COS) {
      bucket = cosBucket(srcBucket, appId);
      prefix = prefix.replaceFirst("^/+", "");
      String region = cosRegion(domain);
      if (region != null) {
        return new S3Location(
            URI.create("https://cos." + region + ".myqcloud.com"), region, false, bucket, prefix);
      }
    }
    if (domain.isEmpty()) {
      throw new BadSrcDomainException(
          domain,
          "is empty",
          "set it to the endpoint of the srcType="
              + flavor.configValue()
              + " store, e.g. "
              + example(flavor));
    }
    URI uri = parse(domain, flavor);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (flavor == S3Flavor.QINIU && QINIU_DOWNLOAD.matcher(host).matches()) {
      throw new BadSrcDomainException(
          domain,
          "is a Qiniu download domain; this version reads Qiniu through its S3 API",
          "set srcDomain to the S3 endpoint of the bucket's region, e.g. " + example(flavor));
    }
    return known(uri, host, bucket, prefix);
  }

  /** COS buckets are named {@code <name>-<appId>}; a name that already has it is kept. */
  public static String cosBucket(String srcBucket, long appId) {
    String suffix = "-" + appId;
    return appId <= 0 || srcBucket.endsWith(suffix) ? srcBucket : srcBucket + suffix;
  }

  private static S3Location known(URI uri, String host, String bucket, String prefix) {
    Matcher m;
    if (AWS_GLOBAL.matcher(host).matches()) {
      return new S3Location(uri, DEFAULT_REGION, false, bucket, prefix);
    }
    if ((m = AWS.matcher(host)).matches()
        || (m = QINIU.matcher(host)).matches()
        || (m = KS3.matcher(host)).matches()
        || (m = COS_HOST.matcher(host)).matches()) {
      return new S3Location(uri, m.group(1), false, bucket, prefix);
    }
    if ((m = BOS.matcher(host)).matches()) {
      URI s3Host = m.group(1) != null ? uri : withHost(uri, "s3." + host);
      return new S3Location(s3Host, m.group(2), false, bucket, prefix);
    }
    return new S3Location(uri, DEFAULT_REGION, true, bucket, prefix);
  }

  private static String cosRegion(String domain) {
    String lower = domain.toLowerCase(Locale.ROOT);
    if (COS_SHORT_CODES.containsKey(lower)) {
      return COS_SHORT_CODES.get(lower);
    }
    return COS_REGION.matcher(lower).matches() ? lower : null;
  }

  private static URI parse(String domain, S3Flavor flavor) {
    String url = domain.contains("://") ? domain : "https://" + domain;
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String path = uri == null ? null : uri.getRawPath();
    if (uri == null
        || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getRawQuery() != null
        || !(path == null || path.isEmpty() || path.equals("/"))) {
      throw new BadSrcDomainException(
          domain,
          "is not an endpoint (http or https, host and port only, no bucket or path)",
          "e.g. " + example(flavor));
    }
    return withHost(uri, uri.getHost());
  }

  private static URI withHost(URI uri, String host) {
    try {
      return new URI(
          uri.getScheme().toLowerCase(Locale.ROOT), null, host, uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an endpoint: " + uri, e);
    }
  }

  private static String example(S3Flavor flavor) {
    switch (flavor) {
      case QINIU:
        return "srcDomain=https://s3.cn-east-1.qiniucs.com";
      case BOS:
        return "srcDomain=https://s3.bj.bcebos.com";
      case KS3:
        return "srcDomain=https://ks3-cn-beijing.ksyuncs.com";
      case COS:
        return "srcDomain=ap-guangzhou";
      default:
        return "srcDomain=https://s3.us-east-1.amazonaws.com";
    }
  }
}
