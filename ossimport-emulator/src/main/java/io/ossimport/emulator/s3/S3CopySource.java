package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.UrlCodec;

/** The object named by {@code x-amz-copy-source}: {@code [/]bucket/key}, URL-encoded. */
final class S3CopySource {
  final String bucket;
  final String key;

  private S3CopySource(String bucket, String key) {
    this.bucket = bucket;
    this.key = key;
  }

  static S3CopySource parse(RequestHead head) throws S3Failure {
    String raw = head.header("x-amz-copy-source").trim();
    int query = raw.indexOf('?');
    if (query >= 0) {
      String suffix = raw.substring(query + 1);
      if (!suffix.equals("versionId=null")) {
        throw S3Failure.notImplemented("Copying a version (" + suffix + ")");
      }
      raw = raw.substring(0, query);
    }
    String decoded = UrlCodec.decodePath(raw);
    if (decoded.startsWith("/")) {
      decoded = decoded.substring(1);
    }
    int slash = decoded.indexOf('/');
    if (slash <= 0 || slash == decoded.length() - 1) {
      throw invalid(raw);
    }
    return new S3CopySource(decoded.substring(0, slash), decoded.substring(slash + 1));
  }

  private static S3Failure invalid(String raw) {
    return S3Failure.badRequest(
        "InvalidArgument", "x-amz-copy-source must be <bucket>/<key> (URL-encoded); got " + raw);
  }
}
