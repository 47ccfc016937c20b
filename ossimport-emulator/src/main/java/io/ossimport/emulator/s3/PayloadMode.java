package io.ossimport.emulator.s3;

/**
 * How a SigV4 request carries its body, as declared by {@code x-amz-content-sha256}: a signed hash
 * of the whole body, no hash, or {@code aws-chunked} encoding with per-chunk signatures and/or a
 * trailing checksum.
 */
enum PayloadMode {
  /** The header is the hex SHA-256 of the body; the body is plain. */
  SIGNED(false, false, false),
  /** {@code UNSIGNED-PAYLOAD}: the body is plain and not hashed. */
  UNSIGNED(false, false, false),
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
  STREAMING_SIGNED(true, true, false),
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks and a signed trailer. */
  STREAMING_SIGNED_TRAILER(true, true, true),
  /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked with a trailing checksum only. */
  STREAMING_UNSIGNED_TRAILER(true, false, true);

  private final boolean chunked;
  private final boolean chunkSigned;
  private final boolean trailer;

  PayloadMode(boolean chunked, boolean chunkSigned, boolean trailer) {
    this.chunked = chunked;
    this.chunkSigned = chunkSigned;
    this.trailer = trailer;
  }

  boolean chunked() {
    return chunked;
  }

  boolean chunkSigned() {
    return chunkSigned;
  }

  boolean trailer() {
    return trailer;
  }

  /** The mode named by an {@code x-amz-content-sha256} value. */
  static PayloadMode of(String contentSha256) throws S3Failure {
    switch (contentSha256) {
      case "UNSIGNED-PAYLOAD":
        return UNSIGNED;
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD":
        return STREAMING_SIGNED;
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER":
        return STREAMING_SIGNED_TRAILER;
      case "STREAMING-UNSIGNED-PAYLOAD-TRAILER":
        return STREAMING_UNSIGNED_TRAILER;
      default:
        if (contentSha256.matches("[0-9a-f]{64}")) {
          return SIGNED;
        }
        if (contentSha256.startsWith("STREAMING-")) {
          throw S3Failure.notImplemented("Payload mode " + contentSha256);
        }
        throw S3Failure.badRequest(
            "InvalidArgument",
            "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a STREAMING-* mode or the hex SHA-256"
                + " of the body; got "
                + contentSha256);
    }
  }
}
