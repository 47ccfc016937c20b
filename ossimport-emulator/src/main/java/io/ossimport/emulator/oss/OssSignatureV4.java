package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.UrlCodec;
import io.ossimport.emulator.store.Hex;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** OSS signature V4 ({@code OSS4-HMAC-SHA256}) in the Authorization header or the query. */
final class OssSignatureV4 {
  private static final String ALGORITHM = "OSS4-HMAC-SHA256";
  private static final String TERMINATOR = "aliyun_v4_request";

  private OssSignatureV4() {}

  static void verifyHeader(HttpRequest req, OssTarget t, String auth, OssAuth ctx) throws OssError {
    String credential = null;
    String additional = null;
    String signature = null;
    for (String part : auth.substring(ALGORITHM.length() + 1).split(",")) {
      String p = part.trim();
      if (p.startsWith("Credential=")) {
        credential = p.substring(11);
      } else if (p.startsWith("AdditionalHeaders=")) {
        additional = p.substring(18);
      } else if (p.startsWith("Signature=")) {
        signature = p.substring(10);
      }
    }
    if (credential == null || signature == null) {
      throw new OssError(400, "InvalidArgument", "Authorization header is invalid: " + auth);
    }
    String date = req.header("x-oss-date");
    ctx.checkSkew(HttpDates.parseCompact(date), date);
    String payload = req.header("x-oss-content-sha256");
    verify(req, t, ctx, credential, additional, signature, date, payload, null);
  }

  static void verifyQuery(HttpRequest req, OssTarget t, OssAuth ctx) throws OssError {
    if (!ALGORITHM.equals(req.param("x-oss-signature-version"))) {
      throw OssError.accessDenied("Unsupported x-oss-signature-version.");
    }
    String date = req.param("x-oss-date");
    long start = HttpDates.parseCompact(date);
    long expires;
    try {
      expires = Long.parseLong(req.param("x-oss-expires"));
    } catch (RuntimeException e) {
      throw OssError.accessDenied("Invalid x-oss-expires.");
    }
    if (start < 0 || System.currentTimeMillis() > start + expires * 1000) {
      throw OssError.accessDenied("Request has expired.");
    }
    verify(
        req,
        t,
        ctx,
        req.param("x-oss-credential"),
        req.param("x-oss-additional-headers"),
        req.param("x-oss-signature"),
        date,
        null,
        "x-oss-signature");
  }

  private static void verify(
      HttpRequest req,
      OssTarget t,
      OssAuth ctx,
      String credential,
      String additional,
      String signature,
      String dateTime,
      String payloadHash,
      String excludedParam)
      throws OssError {
    String[] scope = credential == null ? new String[0] : credential.split("/");
    if (scope.length != 5 || !TERMINATOR.equals(scope[4])) {
      throw new OssError(400, "InvalidArgument", "Invalid credential scope: " + credential);
    }
    String ak = scope[0];
    String secret = ctx.secret(ak, req);
    if (dateTime == null || !dateTime.startsWith(scope[1])) {
      throw new OssError(
          403,
          "SignatureDoesNotMatch",
          "The date of the credential scope does not match x-oss-date.");
    }
    if (!scope[2].equals(ctx.config().region())) {
      throw new OssError(
              403,
              "SignatureDoesNotMatch",
              "Invalid signing region in the credential: "
                  + scope[2]
                  + ", expected "
                  + ctx.config().region())
          .with("OSSAccessKeyId", ak);
    }
    String canonical = canonicalRequest(req, t, additional, payloadHash, excludedParam);
    String scopeText = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + TERMINATOR;
    String toSign =
        ALGORITHM + "\n" + dateTime + "\n" + scopeText + "\n" + Signatures.sha256Hex(canonical);
    byte[] key = Signatures.utf8("aliyun_v4" + secret);
    key = Signatures.hmacSha256(key, scope[1]);
    key = Signatures.hmacSha256(key, scope[2]);
    key = Signatures.hmacSha256(key, scope[3]);
    key = Signatures.hmacSha256(key, TERMINATOR);
    String expected = Hex.encode(Signatures.hmacSha256(key, toSign));
    if (!Signatures.constantTimeEquals(signature, expected)) {
      throw new OssError(
              403,
              "SignatureDoesNotMatch",
              "The request signature we calculated does not match the signature you provided."
                  + " Check your key and signing method.")
          .with("StringToSign", toSign)
          .with("CanonicalRequest", canonical)
          .with("SignatureProvided", signature)
          .with("OSSAccessKeyId", ak);
    }
  }

  private static String canonicalRequest(
      HttpRequest req, OssTarget t, String additional, String payloadHash, String excludedParam) {
    StringBuilder sb = new StringBuilder();
    sb.append(req.method()).append('\n');
    sb.append(UrlCodec.encode(t.resourcePath(), true)).append('\n');
    TreeMap<String, String> params = new TreeMap<String, String>();
    for (Map.Entry<String, String> p : req.query().entrySet()) {
      if (!p.getKey().equals(excludedParam)) {
        params.put(
            UrlCodec.encode(p.getKey().trim(), false),
            p.getValue() == null ? "" : UrlCodec.encode(p.getValue().trim(), false));
      }
    }
    String sep = "";
    for (Map.Entry<String, String> p : params.entrySet()) {
      sb.append(sep).append(p.getKey());
      if (!p.getValue().isEmpty()) {
        sb.append('=').append(p.getValue());
      }
      sep = "&";
    }
    sb.append('\n');
    TreeSet<String> extra = new TreeSet<String>();
    if (additional != null && !additional.isEmpty()) {
      for (String h : additional.split(";")) {
        extra.add(h.trim().toLowerCase(Locale.ROOT));
      }
    }
    TreeMap<String, String> headers = new TreeMap<String, String>();
    for (Map.Entry<String, String> h : req.headerMap().entrySet()) {
      String k = h.getKey();
      if (k.equals("content-type")
          || k.equals("content-md5")
          || k.startsWith("x-oss-")
          || extra.contains(k)) {
        headers.put(k, h.getValue().trim());
      }
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      sb.append(h.getKey()).append(':').append(h.getValue()).append('\n');
    }
    sb.append('\n');
    sb.append(additional == null ? "" : String.join(";", extra)).append('\n');
    sb.append(payloadHash == null || payloadHash.isEmpty() ? "UNSIGNED-PAYLOAD" : payloadHash);
    return sb.toString();
  }
}
