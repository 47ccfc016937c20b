package io.ossimport.emulator.s3;

/**
 * What a verified SigV4 request leaves behind for its body: who signed it, how the payload is
 * carried, and the signing state that chunk signatures chain on.
 */
final class SigV4Context {
  private final String accessKeyId;
  private final PayloadMode payloadMode;
  private final String payloadHash;
  private final byte[] signingKey;
  private final String amzDate;
  private final String scope;
  private final String seedSignature;

  SigV4Context(
      String accessKeyId,
      PayloadMode payloadMode,
      String payloadHash,
      byte[] signingKey,
      String amzDate,
      String scope,
      String seedSignature) {
    this.accessKeyId = accessKeyId;
    this.payloadMode = payloadMode;
    this.payloadHash = payloadHash;
    this.signingKey = signingKey.clone();
    this.amzDate = amzDate;
    this.scope = scope;
    this.seedSignature = seedSignature;
  }

  String accessKeyId() {
    return accessKeyId;
  }

  PayloadMode payloadMode() {
    return payloadMode;
  }

  /** The declared {@code x-amz-content-sha256}: a hex hash for {@link PayloadMode#SIGNED}. */
  String payloadHash() {
    return payloadHash;
  }

  /** A fresh chain of chunk signatures seeded with the request's own signature. */
  ChunkSignatureChain chunkSignatures() {
    return new ChunkSignatureChain(signingKey, amzDate, scope, seedSignature);
  }

  @Override
  public String toString() {
    // The signing key is derived from the secret: never print it.
    return "SigV4Context{" + accessKeyId + ", " + payloadMode + ", " + scope + "}";
  }
}
