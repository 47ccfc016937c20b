package io.ossimport.emulator.s3;

/**
 * S3 canned ACLs. The three that OSS shares are stored so OSS shows them; the S3-only ones are
 * accepted and not stored, since the emulator enforces no ACL in either dialect.
 */
final class S3CannedAcl {
  private S3CannedAcl() {}

  /** The stored ACL for a canned S3 ACL, or null when OSS has no equivalent. */
  static String toStore(String canned) throws S3Failure {
    switch (canned.trim()) {
      case "private":
      case "public-read":
      case "public-read-write":
        return canned.trim();
      case "authenticated-read":
      case "aws-exec-read":
      case "bucket-owner-read":
      case "bucket-owner-full-control":
      case "log-delivery-write":
        return null;
      default:
        throw S3Failure.badRequest("InvalidArgument", "Unknown canned ACL x-amz-acl: " + canned);
    }
  }
}
