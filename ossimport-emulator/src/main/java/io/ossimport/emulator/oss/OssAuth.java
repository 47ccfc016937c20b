package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.SecurityTokens;
import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies OSS request authentication: V1 header ({@code OSS ak:signature}), V4 header ({@code
 * OSS4-HMAC-SHA256 Credential=...}), and presigned URLs of both versions, with permanent or STS
 * temporary credentials. Rules follow the OSS signature documentation (listed in the emulator
 * README, "Signing and routing"); unknown key → InvalidAccessKeyId, bad signature →
 * SignatureDoesNotMatch, date too far off → RequestTimeTooSkewed, STS token missing / wrong /
 * expired → InvalidAccessKeyId / InvalidSecurityToken / SecurityTokenExpired, unsigned →
 * AccessDenied unless anonymous access is allowed.
 */
final class OssAuth {
  /**
   * Sub-resources that V1 signs in the CanonicalizedResource: the list of the OSS V1 signature
   * documentation as the official SDKs carry it (aliyun-sdk-oss 3.18.5
   * SignParameters.SIGNED_PARAMTERS). Listing options (prefix, marker, max-keys, delimiter,
   * encoding-type, list-type, start-after, fetch-owner, ...) are not sub-resources;
   * continuation-token is, because the SDK signs it.
   */
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

  /**
   * The secret to verify the signature with. A temporary (STS) id must come with its own, unexpired
   * security token; a permanent id must come without one.
   */
  String secret(String accessKeyId, HttpRequest req) throws OssError {
    SecurityTokens sts = config.securityTokens();
    String token = securityToken(req);
    if (sts.isTemporary(accessKeyId)) {
      switch (sts.check(accessKeyId, token)) {
        case VALID:
          return sts.secretOf(accessKeyId);
        case MISSING:
          // OSS 0002-00000003: an STS AccessKey id used without the STS token.
          throw invalidAccessKeyId(accessKeyId);
        case EXPIRED:
          throw new OssError(
                  403, "SecurityTokenExpired", "The security token you provided has expired.")
              .with("OSSAccessKeyId", accessKeyId);
        default:
          throw invalidSecurityToken(accessKeyId);
      }
    }
    String secret = config.secretOf(accessKeyId);
    if (secret == null) {
      throw invalidAccessKeyId(accessKeyId);
    }
    if (token != null) {
      // OSS 0002-00000004: the token was not issued with this AccessKey id.
      throw invalidSecurityToken(accessKeyId);
    }
    return secret;
  }

  /** The STS token of a request: the header, or the V1 or V4 presigned-URL parameter. */
  static String securityToken(HttpRequest req) {
    String token = req.header("x-oss-security-token");
    if (token == null) {
      token = req.param("security-token");
    }
    if (token == null) {
      token = req.param("x-oss-security-token");
    }
    return token;
  }

  private static OssError invalidAccessKeyId(String accessKeyId) {
    return new OssError(
            403,
            "InvalidAccessKeyId",
            "The OSS Access Key Id you provided does not exist in our records.")
        .with("OSSAccessKeyId", accessKeyId);
  }

  private static OssError invalidSecurityToken(String accessKeyId) {
    return new OssError(403, "InvalidSecurityToken", "The security token you provided is invalid.")
        .with("OSSAccessKeyId", accessKeyId);
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
    String secret = secret(ak, req);
    // As OSS documents for V1: the Date line is x-oss-date when present (a browser cannot set
    // Date), else Date; x-oss-date may be RFC 1123 (ali-oss) or ISO 8601 basic (OSS examples).
    String ossDate = req.header("x-oss-date");
    String date = ossDate != null ? ossDate : req.header("Date");
    long millis = HttpDates.parseRfc1123(date);
    if (millis < 0 && ossDate != null) {
      millis = HttpDates.parseCompact(ossDate);
    }
    checkSkew(millis, date);
    String toSign = v1StringToSign(req, t, date);
    compare(signature, Signatures.hmacSha1Base64(secret, toSign), toSign, ak);
  }

  private void verifyV1Query(HttpRequest req, OssTarget t) throws OssError {
    String ak = req.param("OSSAccessKeyId");
    String expires = req.param("Expires");
    if (ak == null || expires == null) {
      throw OssError.accessDenied("Presigned URL needs OSSAccessKeyId, Expires and Signature.");
    }
    String secret = secret(ak, req);
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
      // "?uploads=" is signed as "?uploads": an empty value carries no '='.
      if (p.getValue() != null && !p.getValue().isEmpty()) {
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
