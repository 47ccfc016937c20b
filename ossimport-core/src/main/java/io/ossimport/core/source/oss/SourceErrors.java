package io.ossimport.core.source.oss;

import com.aliyun.oss.OSSException;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.oss.SourceFailureException;
import java.io.IOException;

/**
 * Turns the SDK's runtime exceptions into the checked ones a {@link
 * io.ossimport.core.source.Source} throws. Reads and looks-ups become a {@link
 * SourceFailureException} carrying the reason and whether another attempt may help (from {@link
 * OssFailures}, the table the worker uses for every request), so the worker retries a network
 * failure of the source like one of the destination. A listing failure becomes an {@link
 * IOException} that names the bucket, the endpoint and the key to fix. Messages carry the OSS error
 * code and text, never a credential.
 */
final class SourceErrors {
  private SourceErrors() {}

  /** A failed GET or HEAD of {@code key}. */
  static SourceFailureException reading(RuntimeException e, OssSourceSettings s, String key) {
    if (OssFailures.isNoSuchKey(e)) {
      return new SourceFailureException(
          ReasonCode.SOURCE_NOT_FOUND, false, "the source " + s.describe(key) + " is gone", e);
    }
    OssFailure f = OssFailures.classify(e);
    String hint = "InvalidObjectState".equals(code(e)) ? "; restore the archived object first" : "";
    return new SourceFailureException(
        f.reason(),
        f.isRetryable(),
        "reading the source " + s.describe(key) + " failed: " + f.detail() + hint,
        e);
  }

  /** An I/O error while the body of a GET streams in: retryable, like a network failure. */
  static SourceFailureException streaming(IOException e, OssSourceSettings s, String key) {
    if (e instanceof SourceFailureException) {
      return (SourceFailureException) e;
    }
    return new SourceFailureException(
        ReasonCode.NETWORK, true, "reading the source " + s.describe(key) + " broke off: " + e, e);
  }

  /** Whether another ListObjects may succeed where this one failed. */
  static boolean retryable(RuntimeException e) {
    return OssFailures.classify(e).isRetryable();
  }

  /** A ListObjects that failed for good: which bucket, why, and what to check. */
  static IOException listing(RuntimeException e, OssSourceSettings s) {
    OssFailure f = OssFailures.classify(e);
    String code = code(e);
    String fix;
    if ("NoSuchBucket".equals(code) || "InvalidBucketName".equals(code)) {
      fix = "check srcBucket, and that srcDomain is the endpoint of the bucket's region";
    } else if (f.reason() == ReasonCode.ACCESS_DENIED) {
      fix =
          "check srcAccessKey and srcSecretKey, and that this AccessKey may list srcBucket"
              + " (oss:ListObjects)";
    } else if (f.reason() == ReasonCode.NETWORK) {
      fix =
          "check that srcDomain is reachable from this machine (-internal endpoints work only"
              + " from ECS in the bucket's region)";
    } else {
      fix = "check srcDomain, srcBucket and the source credentials";
    }
    return new IOException(
        "cannot list srcBucket="
            + s.bucket()
            + " (srcPrefix="
            + s.prefix()
            + ") at srcDomain="
            + s.endpoint()
            + ": "
            + f.detail()
            + "; "
            + fix,
        e);
  }

  private static String code(RuntimeException e) {
    return e instanceof OSSException ? ((OSSException) e).getErrorCode() : null;
  }
}
