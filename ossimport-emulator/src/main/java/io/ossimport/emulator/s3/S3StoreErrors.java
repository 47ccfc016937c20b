package io.ossimport.emulator.s3;

import io.ossimport.emulator.store.StoreException;

/** The S3 error each store refusal becomes. */
final class S3StoreErrors {
  private S3StoreErrors() {}

  static S3Failure of(StoreException e, S3Route route) {
    String bucket = route == null ? null : route.bucket();
    switch (e.reason()) {
      case NO_SUCH_BUCKET:
        return new S3Failure(404, "NoSuchBucket", "The specified bucket does not exist")
            .detail("BucketName", e.getMessage());
      case BUCKET_ALREADY_EXISTS:
        return new S3Failure(
                409,
                "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own"
                    + " it.")
            .detail("BucketName", bucket);
      case BUCKET_NOT_EMPTY:
        return new S3Failure(409, "BucketNotEmpty", "The bucket you tried to delete is not empty")
            .detail("BucketName", bucket);
      case NO_SUCH_KEY:
        return new S3Failure(404, "NoSuchKey", "The specified key does not exist.")
            .detail("Key", route == null ? null : route.key());
      case NO_SUCH_UPLOAD:
        return new S3Failure(
                404,
                "NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload"
                    + " may have been aborted or completed.")
            .detail("UploadId", e.getMessage());
      case INVALID_PART:
        return S3Failure.badRequest(
            "InvalidPart",
            "One or more of the specified parts could not be found or changed meanwhile: "
                + e.getMessage());
      default:
        return new S3Failure(500, "InternalError", "Store refusal " + e.reason());
    }
  }
}
