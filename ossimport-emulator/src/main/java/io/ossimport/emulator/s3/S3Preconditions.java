package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.store.ObjectMeta;

/**
 * The conditional headers of GET/HEAD ({@code If-Match}, {@code If-None-Match}, {@code
 * If-Modified-Since}, {@code If-Unmodified-Since}) and their {@code x-amz-copy-source-if-*} twins
 * on copies, evaluated in S3's order.
 */
final class S3Preconditions {
  private S3Preconditions() {}

  /**
   * Checks a GET or HEAD.
   *
   * @return 304 when the client's copy is current, 0 to serve the object
   * @throws S3Failure 412 {@code PreconditionFailed}
   */
  static int checkRead(RequestHead head, ObjectMeta meta) throws S3Failure {
    return check(
        meta,
        head.header("if-match"),
        head.header("if-none-match"),
        head.header("if-modified-since"),
        head.header("if-unmodified-since"),
        false);
  }

  /** Checks the copy source of CopyObject and UploadPartCopy (a failed check is always 412). */
  static void checkCopySource(RequestHead head, ObjectMeta source) throws S3Failure {
    check(
        source,
        head.header("x-amz-copy-source-if-match"),
        head.header("x-amz-copy-source-if-none-match"),
        head.header("x-amz-copy-source-if-modified-since"),
        head.header("x-amz-copy-source-if-unmodified-since"),
        true);
  }

  private static int check(
      ObjectMeta meta,
      String ifMatch,
      String ifNoneMatch,
      String ifModifiedSince,
      String ifUnmodifiedSince,
      boolean copy)
      throws S3Failure {
    long modifiedSecond = meta.lastModified() / 1000;
    if (ifMatch != null) {
      if (!matchesAny(ifMatch, meta.etag())) {
        throw failed("If-Match");
      }
    } else if (ifUnmodifiedSince != null) {
      long since = HttpDates.parseRfc1123(ifUnmodifiedSince);
      if (since >= 0 && modifiedSecond > since / 1000) {
        throw failed("If-Unmodified-Since");
      }
    }
    if (ifNoneMatch != null) {
      if (matchesAny(ifNoneMatch, meta.etag())) {
        if (copy) {
          throw failed("If-None-Match");
        }
        return 304;
      }
    } else if (ifModifiedSince != null) {
      long since = HttpDates.parseRfc1123(ifModifiedSince);
      if (since >= 0 && modifiedSecond <= since / 1000) {
        if (copy) {
          throw failed("If-Modified-Since");
        }
        return 304;
      }
    }
    return 0;
  }

  private static boolean matchesAny(String list, String storedEtag) {
    for (String candidate : list.split(",")) {
      if (candidate.trim().equals("*") || S3ETags.matches(candidate, storedEtag)) {
        return true;
      }
    }
    return false;
  }

  private static S3Failure failed(String condition) {
    return new S3Failure(
            412,
            "PreconditionFailed",
            "At least one of the pre-conditions you specified did not hold")
        .detail("Condition", condition);
  }
}
