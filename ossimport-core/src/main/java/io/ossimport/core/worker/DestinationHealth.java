package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.oss.OssFailure;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a job's destination still works, shared by every task of the job in this worker. A
 * failure that is about the destination rather than the object ({@link
 * OssFailure#isDestinationWide()}: refused credentials, a missing bucket, an endpoint that does not
 * answer after the retries) counts; an object that reaches the destination (uploaded, or skipped
 * after a look at it) clears the count. {@value #FAILURES_IN_A_ROW} such failures in a row, with no
 * such success between them, trip it: every task of the job stops at once (no new object starts,
 * backoff waits end), and the job goes to {@code Abort} with the last failure as its cause.
 *
 * <p>Why in a row: one AccessDenied can be a bucket policy on one prefix, and one refused
 * connection after six attempts can be a restart of the endpoint; three objects in a row that
 * cannot reach the bucket, and none that reaches it between them, is a destination that does not
 * work.
 */
final class DestinationHealth {
  /** How many destination-wide failures in a row abort the job. */
  static final int FAILURES_IN_A_ROW = 3;

  private final Set<StopSignal> stops = ConcurrentHashMap.newKeySet();
  private int inARow;
  private volatile OssFailure tripped;

  /** The failure that tripped it, or {@code null} while the destination is taken to work. */
  OssFailure trippedBy() {
    return tripped;
  }

  /** A task of the job starts: it is stopped when (or if already) tripped. */
  void register(StopSignal stop) {
    stops.add(stop);
    if (tripped != null) {
      stop.request();
    }
  }

  /** The task has ended. */
  void unregister(StopSignal stop) {
    stops.remove(stop);
  }

  /** An object reached the destination: the failures before it were not the destination's. */
  synchronized void succeeded() {
    if (tripped == null) {
      inARow = 0;
    }
  }

  /** An object failed for good with {@code failure}; a destination-wide one counts. */
  void failed(OssFailure failure) {
    if (!failure.isDestinationWide()) {
      return;
    }
    synchronized (this) {
      if (tripped != null || ++inARow < FAILURES_IN_A_ROW) {
        return;
      }
      tripped = failure;
    }
    for (StopSignal stop : stops) {
      stop.request();
    }
  }

  /**
   * The cause of the Abort for {@code stat}, the log and the front ends: which destination, what
   * OSS (or the network) said, and what to fix. Never a secret.
   */
  static String abortReason(OssFailure failure, JobConfig config) {
    String said = failure.cause().isEmpty() ? failure.detail() : failure.cause().toString();
    return "the destination failed for "
        + FAILURES_IN_A_ROW
        + " objects in a row: "
        + said
        + " (bucket "
        + config.destBucket()
        + " at "
        + config.destDomain()
        + "); "
        + fix(failure.cause().code());
  }

  private static String fix(String code) {
    switch (code) {
      case "InvalidAccessKeyId":
      case "SignatureDoesNotMatch":
        return "check destAccessKey and destSecretKey";
      case "InvalidSecurityToken":
      case "SecurityTokenExpired":
        return "renew the security token of destAccessKey";
      case "AccessDenied":
        return "check that destAccessKey may write to destBucket (oss:PutObject)";
      case "NoSuchBucket":
      case "InvalidBucketName":
        return "check destBucket, and that destDomain is the endpoint of the bucket's region";
      default:
        return "check that destDomain is reachable from this machine";
    }
  }
}
