package io.ossimport.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OSS rules for bucket names and endpoints, shared by the destination and an {@code oss}
 * source. Each check returns {@code null} when the value is fine, else the message and the fix.
 */
final class OssNames {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern BUCKET_STYLE_HOST =
      Pattern.compile("([a-z0-9-]+)\\.(oss-[a-z0-9-]+\\.aliyuncs\\.com)");
  static final String EXAMPLE_ENDPOINT = "https://oss-cn-hangzhou.aliyuncs.com";

  private OssNames() {}

  /** A message and its fix. */
  static final class Issue {
    final String message;
    final String fix;

    Issue(String message, String fix) {
      this.message = message;
      this.fix = fix;
    }
  }

  /** Checks a bucket name; {@code key} is the key holding it, for the example in the fix. */
  static Issue bucketIssue(String key, String name, String prefixKey) {
    if (BUCKET.matcher(name).matches()) {
      return null;
    }
    int slash = name.indexOf('/');
    if (slash >= 0) {
      String bucket = name.substring(0, slash);
      String path = name.substring(slash + 1);
      String fix = "write " + key + "=" + (bucket.isEmpty() ? "<bucket>" : bucket);
      if (!path.isEmpty()) {
        fix += " and put the path in " + prefixKey + ", e.g. " + prefixKey + "=" + asFolder(path);
      }
      return new Issue("is a bucket name only, without '/' or a path", fix);
    }
    String candidate = candidate(name);
    String fix = candidate != null ? "e.g. " + key + "=" + candidate : "e.g. " + key + "=my-bucket";
    if (name.length() < 3 || name.length() > 63) {
      return new Issue("must be 3 to 63 characters long (it has " + name.length() + ")", fix);
    }
    if (!name.toLowerCase(Locale.ROOT).equals(name)) {
      return new Issue("must be lowercase", fix);
    }
    if (!name.matches("[a-z0-9-]*")) {
      return new Issue("may contain only lowercase letters, digits and '-'", fix);
    }
    return new Issue("must start and end with a lowercase letter or digit", fix);
  }

  private static String asFolder(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  /** The name made valid if that is possible by lower-casing and replacing bad characters. */
  private static String candidate(String name) {
    String c = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    c = c.replaceAll("^-+", "").replaceAll("-+$", "");
    return BUCKET.matcher(c).matches() ? c : null;
  }

  /**
   * Checks an OSS endpoint: an http(s) URL with a host (and optional port), nothing else, and no
   * bucket name in the host. {@code bucket} may be empty when unknown or invalid. Every mistake
   * found is named, and the fix is the endpoint with all of them corrected.
   */
  static Issue endpointIssue(String key, String endpoint, String bucket, String bucketKey) {
    String example = "e.g. " + key + "=" + EXAMPLE_ENDPOINT;
    List<String> mistakes = new ArrayList<String>();
    String url = endpoint;
    if (!url.contains("://")) {
      mistakes.add("must start with http:// or https://");
      url = "https://" + url;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return new Issue("is not a valid URL", example);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Issue("must start with http:// or https://", example);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return new Issue("has no valid host name", example);
    }
    String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
    if (uri.getRawUserInfo() != null) {
      mistakes.add("must not contain a user name or password");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(path.isEmpty() || path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      mistakes.add("must be only http(s)://host[:port], without a path or query");
    }
    String hostBucket = bucketInHost(host.toLowerCase(Locale.ROOT), bucket);
    String fix = "";
    if (hostBucket != null) {
      mistakes.add(
          "the host starts with the bucket name '"
              + hostBucket
              + ".' (OSS then answers InvalidBucketName)");
      host = host.substring(hostBucket.length() + 1);
      fix = " and " + bucketKey + "=" + hostBucket;
    }
    if (mistakes.isEmpty()) {
      return null;
    }
    return new Issue(
        String.join(", and ", mistakes), "write " + key + "=" + scheme + "://" + host + port + fix);
  }

  /** The bucket name the host starts with, or {@code null}. */
  private static String bucketInHost(String host, String bucket) {
    if (!bucket.isEmpty() && host.startsWith(bucket + ".")) {
      return bucket;
    }
    Matcher m = BUCKET_STYLE_HOST.matcher(host);
    return m.matches() && !m.group(1).startsWith("oss-") ? m.group(1) : null;
  }
}
