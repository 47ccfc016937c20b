package io.ossimport.emulator.s3;

/**
 * The rolling signatures of {@code aws-chunked} bodies: each chunk's signature signs the previous
 * signature and the chunk's hash, starting from the request's signature (the seed); the trailer's
 * signature signs the previous signature and the hash of the trailer headers.
 */
final class ChunkSignatureChain {
  private final byte[] signingKey;
  private final String amzDate;
  private final String scope;
  private String previous;

  ChunkSignatureChain(byte[] signingKey, String amzDate, String scope, String seedSignature) {
    this.signingKey = signingKey;
    this.amzDate = amzDate;
    this.scope = scope;
    this.previous = seedSignature;
  }

  /**
   * Checks the signature a chunk carried against its data hash and advances the chain.
   *
   * @throws S3Failure {@code SignatureDoesNotMatch} when it is not the expected signature
   */
  void verifyChunk(String claimedSignature, String chunkSha256Hex) throws S3Failure {
    verify(
        claimedSignature,
        "AWS4-HMAC-SHA256-PAYLOAD\n"
            + amzDate
            + '\n'
            + scope
            + '\n'
            + previous
            + '\n'
            + SigV4Crypto.EMPTY_SHA256
            + '\n'
            + chunkSha256Hex);
  }

  /** Checks the trailer signature over the canonical trailer text ({@code name:value\n}...). */
  void verifyTrailer(String claimedSignature, String canonicalTrailers) throws S3Failure {
    verify(
        claimedSignature,
        "AWS4-HMAC-SHA256-TRAILER\n"
            + amzDate
            + '\n'
            + scope
            + '\n'
            + previous
            + '\n'
            + SigV4Crypto.sha256Hex(canonicalTrailers));
  }

  private void verify(String claimedSignature, String stringToSign) throws S3Failure {
    String expected = SigV4Crypto.signature(signingKey, stringToSign);
    if (claimedSignature == null || !SigV4Crypto.sameSignature(expected, claimedSignature)) {
      throw S3Failure.signatureMismatch();
    }
    previous = expected;
  }
}
