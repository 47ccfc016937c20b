package io.ossimport.emulator.oss;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as the OSS documentation describes, written for the tests and independent of the
 * emulator's own code (and of the SDK), so the emulator is checked against the documents and not
 * against itself:
 *
 * <ul>
 *   <li>"Include a V1 signature in the Authorization header",
 *       https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header
 *   <li>"Include a V1 signature in a URL", https://www.alibabacloud.com/help/doc-detail/31952.html
 *   <li>"Include a V4 signature in the Authorization header (recommended)",
 *       https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4
 *   <li>"(Recommended) V4 signatures in presigned URLs",
 *       https://alibabacloud.com/help/en/oss/developer-reference/add-signatures-to-urls
 * </ul>
 */
final class DocSigner {
  private DocSigner() {}

  /** {@code Tue, 20 Dec 2022 08:48:18 GMT}. */
  static String gmt(long millis) {
    SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f.format(new Date(millis));
  }

  /** ISO 8601 basic, {@code 20221220T084818Z}. */
  static String iso8601Basic(long millis) {
    SimpleDateFormat f = new SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'", Locale.US);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f.format(new Date(millis));
  }

  /**
   * V1: VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders
   * CanonicalizedResource. CanonicalizedOSSHeaders: every {@code x-oss-} header, name in lower
   * case, value trimmed, sorted by name, each {@code name:value\n}.
   */
  static String v1StringToSign(
      String verb, Map<String, String> headers, String date, String canonicalizedResource) {
    TreeMap<String, String> oss = new TreeMap<String, String>();
    String md5 = "";
    String type = "";
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-oss-")) {
        oss.put(name, h.getValue().trim());
      } else if (name.equals("content-md5")) {
        md5 = h.getValue();
      } else if (name.equals("content-type")) {
        type = h.getValue();
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(verb).append('\n').append(md5).append('\n').append(type).append('\n');
    sb.append(date).append('\n');
    for (Map.Entry<String, String> h : oss.entrySet()) {
      sb.append(h.getKey()).append(':').append(h.getValue()).append('\n');
    }
    return sb.append(canonicalizedResource).toString();
  }

  /** V1: Signature = base64(hmac-sha1(AccessKeySecret, StringToSign)). */
  static String v1Signature(String secret, String stringToSign) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA1", utf8(secret), stringToSign));
  }

  /**
   * V4 canonical request: VERB \n Canonical URI \n Canonical Query String \n Canonical Headers \n
   * Additional Headers \n Hashed Payload. The URI is {@code /bucket/object} URI-encoded with '/'
   * kept; query keys and values URI-encoded and sorted, {@code key} alone when the value is empty;
   * headers Content-Type, Content-MD5 and {@code x-oss-*} in lower case, sorted, {@code
   * name:value\n} each; the payload hash is {@code x-oss-content-sha256} or UNSIGNED-PAYLOAD.
   */
  static String v4CanonicalRequest(
      String verb, String resourcePath, Map<String, String> query, Map<String, String> headers) {
    StringBuilder sb = new StringBuilder();
    sb.append(verb).append('\n');
    sb.append(uriEncode(resourcePath).replace("%2F", "/")).append('\n');
    TreeMap<String, String> q = new TreeMap<String, String>();
    for (Map.Entry<String, String> p : query.entrySet()) {
      q.put(uriEncode(p.getKey()), p.getValue() == null ? "" : uriEncode(p.getValue()));
    }
    String sep = "";
    for (Map.Entry<String, String> p : q.entrySet()) {
      sb.append(sep).append(p.getKey());
      if (!p.getValue().isEmpty()) {
        sb.append('=').append(p.getValue());
      }
      sep = "&";
    }
    sb.append('\n');
    TreeMap<String, String> h = new TreeMap<String, String>();
    String payload = "UNSIGNED-PAYLOAD";
    for (Map.Entry<String, String> e : headers.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-oss-") || name.equals("content-type") || name.equals("content-md5")) {
        h.put(name, e.getValue().trim());
      }
      if (name.equals("x-oss-content-sha256")) {
        payload = e.getValue();
      }
    }
    for (Map.Entry<String, String> e : h.entrySet()) {
      sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
    }
    sb.append('\n'); // the end of the canonical headers
    sb.append('\n'); // no additional headers
    return sb.append(payload).toString();
  }

  /**
   * V4 signature: hex(hmac-sha256(SigningKey, "OSS4-HMAC-SHA256\n" + x-oss-date + "\n" + Scope +
   * "\n" + hex(sha256(CanonicalRequest)))), Scope = date/region/oss/aliyun_v4_request, SigningKey =
   * hmac chain over "aliyun_v4" + secret, date, region, "oss", "aliyun_v4_request".
   */
  static String v4Signature(
      String secret, String dateTime, String region, String canonicalRequest) {
    String date = dateTime.substring(0, 8);
    String scope = date + "/" + region + "/oss/aliyun_v4_request";
    String toSign =
        "OSS4-HMAC-SHA256\n" + dateTime + "\n" + scope + "\n" + hex(sha256(canonicalRequest));
    byte[] key = hmac("HmacSHA256", utf8("aliyun_v4" + secret), date);
    key = hmac("HmacSHA256", key, region);
    key = hmac("HmacSHA256", key, "oss");
    key = hmac("HmacSHA256", key, "aliyun_v4_request");
    return hex(hmac("HmacSHA256", key, toSign));
  }

  /** {@code AccessKeyId/date/region/oss/aliyun_v4_request}. */
  static String v4Credential(String accessKeyId, String dateTime, String region) {
    return accessKeyId + "/" + dateTime.substring(0, 8) + "/" + region + "/oss/aliyun_v4_request";
  }

  /** RFC 3986 percent-encoding: everything but unreserved characters, upper-case hex. */
  static String uriEncode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8")
          .replace("+", "%20")
          .replace("*", "%2A")
          .replace("%7E", "~");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String contentMd5(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(utf8(s));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String alg, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(alg);
      mac.init(new SecretKeySpec(key, alg));
      return mac.doFinal(utf8(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
