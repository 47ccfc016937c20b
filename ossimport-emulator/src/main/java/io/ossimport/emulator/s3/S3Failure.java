package io.ossimport.emulator.s3;

import java.io.IOException;

/**
 * A request that S3 would answer with an error document: the HTTP status, the S3 error code ({@code
 * SignatureDoesNotMatch}, {@code NoSuchKey} ...) and a message for a human.
 *
 * <p>It is an {@link IOException} so that request-body decoders can raise it from {@code read()}
 * while the store consumes the body; the handler then renders it as S3 error XML.
 */
public final class S3Failure extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private String detailElement;
  private String detailValue;

  /** A failure answered with {@code status} and the S3 error {@code code}. */
  public S3Failure(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status of the error response. */
  public int status() {
    return status;
  }

  /** The S3 error code, the {@code <Code>} of the error document. */
  public String code() {
    return code;
  }

  /**
   * Adds the element S3 puts in the error document next to the code, such as {@code <Key>} for
   * {@code NoSuchKey} or {@code <BucketName>} for {@code NoSuchBucket}.
   */
  S3Failure detail(String element, String value) {
    this.detailElement = element;
    this.detailValue = value;
    return this;
  }

  /** The extra element's name, or null. */
  String detailElement() {
    return detailElement;
  }

  String detailValue() {
    return detailValue;
  }

  static S3Failure badRequest(String code, String message) {
    return new S3Failure(400, code, message);
  }

  static S3Failure forbidden(String code, String message) {
    return new S3Failure(403, code, message);
  }

  static S3Failure signatureMismatch() {
    return forbidden(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided."
            + " Check your key and signing method.");
  }

  static S3Failure notImplemented(String what) {
    return new S3Failure(
        501, "NotImplemented", what + " is not implemented by the emulator's S3 dialect.");
  }
}
