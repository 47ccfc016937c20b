package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies OSS request authentication: V1 header ({@code OSS ak:signature}), V4 header ({@code
 * OSS4-HMAC-SHA256 Credential=...}), and presigned URLs of both versions. Rules follow the SDK's
 * OSSV1Signer/OSSV4Signer; unknown key → InvalidAccessKeyId, bad signature → SignatureDoesNotMatch,
 * date too far off → RequestTimeTooSkewed, unsigned → AccessDenied unless anonymous access is
 * allowed.
 */
final class OssAuth {
  /** Sub-resources that V1 signs (the SDK's SignParameters.SIGNED_PARAMTERS). */
  static final Set<String> V1_SIGNED =
      new HashSet<String>(
          Arrays.asList(
              "acl",
              "uploads",
              "location",
              "cors",
              "logging",
              "website",
              "referer",
              "lifecycle",
              "delete",
              "append",
              "tagging",
              "objectMeta",
              "uploadId",
              "partNumber",
              "security-token",
              "position",
              "response-cache-control",
              "response-content-disposition",
              "response-content-encoding",
              "response-content-language",
              "response-content-type",
              "response-expires",
              "img",
              "style",
              "styleName",
              "replication",
              "replicationProgress",
              "replicationLocation",
              "cname",
              "bucketInfo",
              "comp",
              "qos",
              "live",
              "status",
              "vod",
              "startTime",
              "endTime",
              "x-oss-process",
              "processConfiguration",
              "symlink",
              "stat",
              "udf",
              "udfName",
              "udfImage",
              "udfImageDesc",
              "udfApplication",
              "udfApplicationLog",
              "restore",
              "versions",
              "versioning",
              "versionId",
              "encryption",
              "policy",
              "requestPayment",
              "x-oss-traffic-limit",
              "qosInfo",
              "asyncFetch",
              "sequential",
              "x-oss-request-payer",
              "vpcip",
              "vip",
              "inventory",
              "inventoryId",
              "continuation-token",
              "worm",
              "wormId",
              "wormExtend",
              "callback",
              "callback-var",
              "x-oss-dir",
              "x-oss-rename",
              "x-oss-delete",
              "transferAcceleration",
              "x-oss-ac-source-ip",
              "x-oss-ac-subnet-mask",
              "x-oss-ac-vpc-id",
              "x-oss-ac-forward-allow",
              "metaQuery",
              "resourceGroup",
              "regionList",
              "x-oss-async-process",
              "x-oss-write-get-object-response",
              "bucketArchiveDirectRead",
              "httpsConfig",
              "publicAccessBlock",
              "policyStatus",
              "redundancyTransition",
              "x-oss-target-redundancy-type",
              "x-oss-redundancy-transition-taskid",
              "accessPoint",
              "accessPointPolicy",
              "seal"));

  private final EmulatorConfig config;

  OssAuth(EmulatorConfig config) {
    this.config = config;
  }

  /** Throws the OSS error that real OSS would answer, or returns when the request may proceed. */
  void verify(HttpRequest req, OssTarget t) throws OssError {
    String auth = req.header("Authorization");
    if (auth != null && auth.startsWith("OSS4-HMAC-SHA256 ")) {
      OssSignatureV4.verifyHeader(req, t, auth, this);
    } else if (auth != null && auth.startsWith("OSS ")) {
      verifyV1Header(req, t, auth.substring(4));
    } else if (auth != null) {
      throw new OssError(
          400, "InvalidArgument", "Authorization header is invalid: unknown scheme.");
    } else if (req.hasParam("x-oss-signature")) {
      OssSignatureV4.verifyQuery(req, t, this);
    } else if (req.hasParam("Signature")) {
      verifyV1Query(req, t);
    } else if (!config.allowAnonymous()) {
      throw OssError.accessDenied("You have no right to access this object because of bucket acl.");
    }
  }

  String secret(String accessKeyId) throws OssError {
    String secret = config.secretOf(accessKeyId);
    if (secret == null) {
      throw new OssError(
              403,
              "InvalidAccessKeyId",
              "The OSS Access Key Id you provided does not exist in our records.")
          .with("OSSAccessKeyId", accessKeyId);
    }
    return secret;
  }

  EmulatorConfig config() {
    return config;
  }

  void checkSkew(long requestMillis, String shown) throws OssError {
    if (requestMillis < 0) {
      throw OssError.accessDenied("OSS authentication requires a valid Date.");
    }
    long skew = Math.abs(System.currentTimeMillis() - requestMillis);
    if (skew > config.maxSkewMillis()) {
      throw new OssError(
              403,
              "RequestTimeTooSkewed",
              "The difference between the request time and the current time is too large.")
          .with("RequestTime", shown)
          .with("ServerTime", HttpDates.iso8601(System.currentTimeMillis()))
          .with("MaxAllowedSkewMilliseconds", Long.toString(config.maxSkewMillis()));
    }
  }

  private void verifyV1Header(HttpRequest req, OssTarget t, String credential) throws OssError {
    int colon = credential.lastIndexOf(':');
    if (colon <= 0) {
      throw new OssError(400, "InvalidArgument", "Authorization header is invalid.");
    }
    String ak = credential.substring(0, colon).trim();
    String signature = credential.substring(colon + 1).trim();
    String secret = secret(ak);
    String date = req.header("Date");
    checkSkew(HttpDates.parseRfc1123(date), date);
    String toSign = v1StringToSign(req, t, date == null ? "" : date);
    compare(signature, Signatures.hmacSha1Base64(secret, toSign), toSign, ak);
  }

  private void verifyV1Query(HttpRequest req, OssTarget t) throws OssError {
    String ak = req.param("OSSAccessKeyId");
    String expires = req.param("Expires");
    if (ak == null || expires == null) {
      throw OssError.accessDenied("Presigned URL needs OSSAccessKeyId, Expires and Signature.");
    }
    String secret = secret(ak);
    long exp;
    try {
      exp = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw OssError.accessDenied("Invalid Expires: " + expires);
    }
    if (System.currentTimeMillis() / 1000 > exp) {
      throw OssError.accessDenied("Request has expired.")
          .with("Expires", HttpDates.iso8601(exp * 1000))
          .with("ServerTime", HttpDates.iso8601(System.currentTimeMillis()));
    }
    String toSign = v1StringToSign(req, t, expires);
    compare(req.param("Signature"), Signatures.hmacSha1Base64(secret, toSign), toSign, ak);
  }

  private static void compare(String provided, String expected, String toSign, String ak)
      throws OssError {
    if (!Signatures.constantTimeEquals(provided, expected)) {
      throw new OssError(
              403,
              "SignatureDoesNotMatch",
              "The request signature we calculated does not match the signature you provided."
                  + " Check your key and signing method.")
          .with("StringToSign", toSign)
          .with("SignatureProvided", provided)
          .with("OSSAccessKeyId", ak);
    }
  }

  static String v1StringToSign(HttpRequest req, OssTarget t, String date) {
    StringBuilder sb = new StringBuilder();
    sb.append(req.method()).append('\n');
    sb.append(nullToEmpty(req.header("Content-MD5"))).append('\n');
    sb.append(nullToEmpty(req.header("Content-Type"))).append('\n');
    sb.append(date).append('\n');
    TreeMap<String, String> oss = new TreeMap<String, String>();
    for (Map.Entry<String, String> h : req.headerMap().entrySet()) {
      if (h.getKey().startsWith("x-oss-")) {
        oss.put(h.getKey(), h.getValue().trim());
      }
    }
    for (Map.Entry<String, String> h : oss.entrySet()) {
      sb.append(h.getKey()).append(':').append(h.getValue()).append('\n');
    }
    sb.append(t.resourcePath());
    TreeMap<String, String> sub = new TreeMap<String, String>();
    for (Map.Entry<String, String> p : req.query().entrySet()) {
      if (V1_SIGNED.contains(p.getKey())) {
        sub.put(p.getKey(), p.getValue());
      }
    }
    char sep = '?';
    for (Map.Entry<String, String> p : sub.entrySet()) {
      sb.append(sep).append(p.getKey());
      if (p.getValue() != null) {
        sb.append('=').append(p.getValue());
      }
      sep = '&';
    }
    return sb.toString();
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
