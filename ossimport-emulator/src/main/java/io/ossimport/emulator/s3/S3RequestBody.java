package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpRequest;
import java.io.InputStream;

/**
 * A request body as the store should see it: aws-chunked framing removed and every declared digest
 * (signed payload hash, chunk signatures, trailing or header checksum, Content-MD5) checked while
 * it streams. After the stream is consumed it names the flexible checksum the client sent, which S3
 * echoes in its response.
 */
final class S3RequestBody {
  private final VerifiedBodyInputStream stream;
  private final AwsChunkedInputStream chunked;
  private final ChecksumAlgorithm headerAlgorithm;
  private final String headerChecksum;

  private S3RequestBody(
      VerifiedBodyInputStream stream,
      AwsChunkedInputStream chunked,
      ChecksumAlgorithm headerAlgorithm,
      String headerChecksum) {
    this.stream = stream;
    this.chunked = chunked;
    this.headerAlgorithm = headerAlgorithm;
    this.headerChecksum = headerChecksum;
  }

  static S3RequestBody open(HttpRequest request, RequestHead head, SigV4Context auth)
      throws S3Failure {
    String declared = head.header("x-amz-content-sha256");
    PayloadMode mode =
        auth != null
            ? auth.payloadMode()
            : declared == null ? PayloadMode.UNSIGNED : PayloadMode.of(declared);
    if (auth == null && mode.chunkSigned()) {
      throw S3Failure.forbidden(
          "AccessDenied", "Signed aws-chunked payloads need a signed request.");
    }
    InputStream in = request.body();
    long length = request.contentLength();
    AwsChunkedInputStream chunked = null;
    if (mode.chunked()) {
      String trailer = head.header("x-amz-trailer");
      ChecksumAlgorithm trailerAlgorithm = null;
      if (trailer != null && mode.trailer()) {
        trailerAlgorithm = ChecksumAlgorithm.byHeaderName(trailer);
        if (trailerAlgorithm == null) {
          throw S3Failure.badRequest(
              "InvalidRequest", "x-amz-trailer names an unsupported checksum: " + trailer);
        }
      }
      length = decodedLength(head);
      chunked =
          new AwsChunkedInputStream(
              in,
              mode.chunkSigned() ? auth.chunkSignatures() : null,
              mode.trailer(),
              trailerAlgorithm,
              length);
      in = chunked;
    }
    VerifiedBodyInputStream verified = new VerifiedBodyInputStream(in, length);
    if (mode == PayloadMode.SIGNED) {
      verified.expectSha256Hex(auth != null ? auth.payloadHash() : declared);
    }
    String md5 = head.header("content-md5");
    if (md5 != null) {
      verified.expectMd5(md5);
    }
    ChecksumAlgorithm headerAlgorithm = null;
    String headerChecksum = null;
    for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
      String value = head.header(algorithm.headerName());
      if (value != null) {
        verified.expectChecksum(algorithm, value);
        headerAlgorithm = algorithm;
        headerChecksum = value.trim();
      }
    }
    return new S3RequestBody(verified, chunked, headerAlgorithm, headerChecksum);
  }

  /** The decoded, verifying stream to consume to its end. */
  InputStream stream() {
    return stream;
  }

  /** Whether the client declared any integrity check S3 accepts for DeleteObjects. */
  boolean hasIntegrityCheck(RequestHead head) {
    return head.header("content-md5") != null
        || headerAlgorithm != null
        || (chunked != null && chunked.trailerAlgorithm() != null);
  }

  /** The checksum algorithm the client sent (header or trailer), or null; valid after reading. */
  ChecksumAlgorithm checksumAlgorithm() {
    if (chunked != null && chunked.trailerChecksum() != null) {
      return chunked.trailerAlgorithm();
    }
    return headerAlgorithm;
  }

  /** The verified value of {@link #checksumAlgorithm()}, base64. */
  String checksum() {
    if (chunked != null && chunked.trailerChecksum() != null) {
      return chunked.trailerChecksum();
    }
    return headerChecksum;
  }

  private static long decodedLength(RequestHead head) throws S3Failure {
    String value = head.header("x-amz-decoded-content-length");
    if (value == null) {
      throw new S3Failure(
          411,
          "MissingContentLength",
          "An aws-chunked body needs the x-amz-decoded-content-length header.");
    }
    try {
      long length = Long.parseLong(value.trim());
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw S3Failure.badRequest(
        "InvalidArgument", "x-amz-decoded-content-length must be a byte count; got " + value);
  }
}
