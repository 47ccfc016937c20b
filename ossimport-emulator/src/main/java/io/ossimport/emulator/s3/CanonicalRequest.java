package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.UrlCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical request and string to sign of AWS Signature V4, as S3 defines them: the path
 * URI-encoded once and not normalised, the query sorted, the signed headers trimmed.
 */
final class CanonicalRequest {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private CanonicalRequest() {}

  /**
   * The canonical request text for {@code head} given the path as it is to be canonicalised, the
   * signed header names and the payload hash the client declared.
   */
  static String build(
      RequestHead head,
      String canonicalUri,
      boolean dropSignatureParam,
      List<String> signedHeaders,
      String payloadHash) {
    StringBuilder out = new StringBuilder(256);
    out.append(head.method()).append('\n');
    out.append(canonicalUri).append('\n');
    out.append(canonicalQuery(head, dropSignatureParam)).append('\n');
    for (String name : signedHeaders) {
      out.append(name).append(':').append(canonicalHeaderValue(head.headers().get(name)));
      out.append('\n');
    }
    out.append('\n');
    out.append(String.join(";", signedHeaders)).append('\n');
    out.append(payloadHash);
    return out.toString();
  }

  /**
   * The paths a client may have signed for {@code rawPath}: the decoded path re-encoded the AWS
   * way, and (when it differs) the path exactly as sent, for clients that escape more or less than
   * AWS does.
   */
  static List<String> candidateUris(String rawPath) {
    List<String> uris = new ArrayList<>(2);
    uris.add(UrlCodec.encode(UrlCodec.decodePath(rawPath), true));
    if (!uris.get(0).equals(rawPath)) {
      uris.add(rawPath);
    }
    return uris;
  }

  static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM
        + '\n'
        + amzDate
        + '\n'
        + scope
        + '\n'
        + SigV4Crypto.sha256Hex(canonicalRequest);
  }

  private static String canonicalQuery(RequestHead head, boolean dropSignatureParam) {
    List<String[]> encoded = new ArrayList<>();
    for (String[] pair : head.queryPairs()) {
      if (dropSignatureParam && pair[0].equals("X-Amz-Signature")) {
        continue;
      }
      encoded.add(new String[] {UrlCodec.encode(pair[0], false), UrlCodec.encode(pair[1], false)});
    }
    Collections.sort(
        encoded,
        (a, b) -> {
          int byName = a[0].compareTo(b[0]);
          return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
    StringBuilder out = new StringBuilder();
    for (String[] pair : encoded) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair[0]).append('=').append(pair[1]);
    }
    return out.toString();
  }

  private static String canonicalHeaderValue(List<String> values) {
    if (values == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(value.trim().replaceAll("\\s+", " "));
    }
    return out.toString();
  }
}
