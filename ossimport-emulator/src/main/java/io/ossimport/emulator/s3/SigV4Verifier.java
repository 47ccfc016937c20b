package io.ossimport.emulator.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Verifies AWS Signature V4 on S3 requests, in the {@code Authorization} header form and the
 * presigned query form, against the emulator's key pairs.
 */
final class SigV4Verifier {
  /** S3's allowance between the request's date and the server clock. */
  static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

  private static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Function<String, String> secretByAccessKeyId;
  private final Clock clock;
  private final Duration maxSkew;

  /**
   * @param secretByAccessKeyId the secret of an access key id, or null for a key the emulator does
   *     not know
   * @param maxSkew how far the request's date may be from the clock
   */
  SigV4Verifier(Function<String, String> secretByAccessKeyId, Clock clock, Duration maxSkew) {
    this.secretByAccessKeyId = secretByAccessKeyId;
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  SigV4Verifier(Function<String, String> secretByAccessKeyId, Clock clock) {
    this(secretByAccessKeyId, clock, DEFAULT_MAX_SKEW);
  }

  /** Whether the request carries a SigV4 signature in either form. */
  static boolean isSigV4(RequestHead head) {
    String auth = head.header("authorization");
    return (auth != null && auth.startsWith(CanonicalRequest.ALGORITHM))
        || CanonicalRequest.ALGORITHM.equals(head.queryParam("X-Amz-Algorithm"));
  }

  /**
   * Verifies the request's signature.
   *
   * @return the signing context the body is verified with
   * @throws S3Failure with the S3 error code when the signature cannot be accepted
   */
  SigV4Context verify(RequestHead head) throws S3Failure {
    String auth = head.header("authorization");
    if (auth != null && auth.startsWith(CanonicalRequest.ALGORITHM)) {
      return verifyHeader(head, auth);
    }
    if (CanonicalRequest.ALGORITHM.equals(head.queryParam("X-Amz-Algorithm"))) {
      return verifyQuery(head);
    }
    throw S3Failure.forbidden("AccessDenied", "The request is not signed with AWS4-HMAC-SHA256.");
  }

  private SigV4Context verifyHeader(RequestHead head, String auth) throws S3Failure {
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : auth.substring(CanonicalRequest.ALGORITHM.length()).split(",")) {
      String field = part.trim();
      int eq = field.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = field.substring(0, eq);
      String value = field.substring(eq + 1).trim();
      if (name.equals("Credential")) {
        credential = value;
      } else if (name.equals("SignedHeaders")) {
        signedHeaders = value;
      } else if (name.equals("Signature")) {
        signature = value;
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw malformed("the Authorization header needs Credential, SignedHeaders and Signature");
    }
    String amzDate = head.header("x-amz-date");
    if (amzDate == null) {
      amzDate = fromHttpDate(head.header("date"));
    }
    Instant signedAt = parseAmzDate(amzDate);
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(maxSkew) > 0) {
      throw S3Failure.forbidden(
          "RequestTimeTooSkewed",
          "The difference between the request time ("
              + amzDate
              + ") and the server's time is larger than "
              + maxSkew.getSeconds()
              + " seconds.");
    }
    String payloadHash = head.header("x-amz-content-sha256");
    if (payloadHash == null) {
      throw S3Failure.badRequest(
          "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
    }
    PayloadMode mode = PayloadMode.of(payloadHash);
    return check(head, credential, amzDate, signedHeaders, signature, false, payloadHash, mode);
  }

  private SigV4Context verifyQuery(RequestHead head) throws S3Failure {
    String credential = head.queryParam("X-Amz-Credential");
    String amzDate = head.queryParam("X-Amz-Date");
    String expires = head.queryParam("X-Amz-Expires");
    String signedHeaders = head.queryParam("X-Amz-SignedHeaders");
    String signature = head.queryParam("X-Amz-Signature");
    if (credential == null || amzDate == null || signedHeaders == null || signature == null) {
      throw S3Failure.badRequest(
          "AuthorizationQueryParametersError",
          "A presigned URL needs X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and"
              + " X-Amz-Signature.");
    }
    Instant signedAt = parseAmzDate(amzDate);
    Duration validity = MAX_PRESIGN_EXPIRY;
    if (expires != null) {
      try {
        validity = Duration.ofSeconds(Long.parseLong(expires));
      } catch (NumberFormatException e) {
        validity = Duration.ofSeconds(-1);
      }
      if (validity.isNegative() || validity.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
        throw S3Failure.badRequest(
            "AuthorizationQueryParametersError",
            "X-Amz-Expires must be between 0 and 604800 seconds; got " + expires);
      }
    }
    Instant now = clock.instant();
    if (signedAt.minus(maxSkew).isAfter(now)) {
      throw S3Failure.forbidden(
          "RequestTimeTooSkewed", "The presigned URL is dated in the future: " + amzDate);
    }
    if (now.isAfter(signedAt.plus(validity))) {
      throw S3Failure.forbidden("AccessDenied", "Request has expired");
    }
    String payloadHash = head.queryParam("X-Amz-Content-Sha256");
    if (payloadHash == null) {
      payloadHash = head.header("x-amz-content-sha256");
    }
    if (payloadHash == null) {
      payloadHash = "UNSIGNED-PAYLOAD";
    }
    PayloadMode mode = PayloadMode.of(payloadHash);
    return check(head, credential, amzDate, signedHeaders, signature, true, payloadHash, mode);
  }

  private SigV4Context check(
      RequestHead head,
      String credential,
      String amzDate,
      String signedHeaderList,
      String signature,
      boolean presigned,
      String payloadHash,
      PayloadMode mode)
      throws S3Failure {
    String[] scopeParts = credential.split("/", -1);
    if (scopeParts.length != 5 || !scopeParts[4].equals("aws4_request")) {
      throw malformed("the Credential must be <key>/<yyyyMMdd>/<region>/s3/aws4_request");
    }
    if (!scopeParts[3].equals("s3")) {
      throw malformed("the credential scope names service " + scopeParts[3] + ", expected s3");
    }
    if (!amzDate.startsWith(scopeParts[1])) {
      throw malformed("the credential date " + scopeParts[1] + " is not the day of " + amzDate);
    }
    String accessKeyId = scopeParts[0];
    String secret = secretByAccessKeyId.apply(accessKeyId);
    if (secret == null) {
      throw S3Failure.forbidden(
          "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records: " + accessKeyId);
    }
    List<String> signedHeaders = new ArrayList<>(Arrays.asList(signedHeaderList.split(";")));
    if (!signedHeaders.contains("host")) {
      throw malformed("SignedHeaders must include host");
    }
    String scope = scopeParts[1] + "/" + scopeParts[2] + "/s3/aws4_request";
    byte[] signingKey = SigV4Crypto.signingKey(secret, scopeParts[1], scopeParts[2], "s3");
    for (String uri : CanonicalRequest.candidateUris(head.rawPath())) {
      String canonical = CanonicalRequest.build(head, uri, presigned, signedHeaders, payloadHash);
      String expected =
          SigV4Crypto.signature(
              signingKey, CanonicalRequest.stringToSign(amzDate, scope, canonical));
      if (SigV4Crypto.sameSignature(expected, signature)) {
        return new SigV4Context(
            accessKeyId, mode, payloadHash, signingKey, amzDate, scope, expected);
      }
    }
    throw S3Failure.signatureMismatch();
  }

  private static Instant parseAmzDate(String amzDate) throws S3Failure {
    if (amzDate == null) {
      throw S3Failure.forbidden(
          "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
    }
    try {
      return ZonedDateTime.parse(amzDate, AMZ_DATE).toInstant();
    } catch (DateTimeParseException e) {
      throw S3Failure.forbidden(
          "AccessDenied", "x-amz-date must look like 20130524T000000Z; got " + amzDate);
    }
  }

  private static String fromHttpDate(String date) {
    if (date == null) {
      return null;
    }
    try {
      return AMZ_DATE.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static S3Failure malformed(String why) {
    return S3Failure.badRequest(
        "AuthorizationHeaderMalformed", "The authorization header is malformed; " + why + ".");
  }
}
