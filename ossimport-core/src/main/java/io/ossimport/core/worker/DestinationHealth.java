package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.ProxyServer;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

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
 *
 * <p>An endpoint that does not answer at all is found sooner than its objects' retry budgets end
 * (six attempts with backoff take up to 15 s each): {@value #UNREACHABLE_ATTEMPTS} attempts that
 * could not connect, over at least {@value #UNREACHABLE_MILLIS} ms with no object reaching the
 * destination meanwhile, trip it too. An endpoint that restarts within that time is ridden out by
 * the retries.
 */
final class DestinationHealth {
  /** How many destination-wide failures in a row abort the job. */
  static final int FAILURES_IN_A_ROW = 3;

  /** How many attempts that could not connect, with none reaching the destination, abort it... */
  static final int UNREACHABLE_ATTEMPTS = 20;

  /** ...when they span at least this long. */
  static final long UNREACHABLE_MILLIS = 5_000;

  private final Set<StopSignal> stops = ConcurrentHashMap.newKeySet();
  private final LongSupplier nanoClock;
  private int inARow;
  private int unreachable;
  private long firstUnreachableNanos;
  private volatile OssFailure tripped;
  private volatile String trippedFor = "";

  DestinationHealth() {
    this(System::nanoTime);
  }

  /** With another clock, for tests of the unreachable rule. */
  DestinationHealth(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

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
      unreachable = 0;
    }
  }

  /**
   * An attempt failed with a destination-wide failure that will be retried (a connection that never
   * reached a server); a long enough run of them trips it before the retries end.
   */
  void unreachable(OssFailure failure) {
    long now = nanoClock.getAsLong();
    synchronized (this) {
      if (tripped != null) {
        return;
      }
      if (unreachable++ == 0) {
        firstUnreachableNanos = now;
      }
      if (unreachable < UNREACHABLE_ATTEMPTS
          || now - firstUnreachableNanos < UNREACHABLE_MILLIS * 1_000_000L) {
        return;
      }
      tripped = failure;
      trippedFor =
          "could not be reached in "
              + unreachable
              + " attempts over "
              + (now - firstUnreachableNanos) / 1_000_000_000L
              + " s";
    }
    stopAll();
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
      trippedFor = "failed for " + FAILURES_IN_A_ROW + " objects in a row";
    }
    stopAll();
  }

  private void stopAll() {
    for (StopSignal stop : stops) {
      stop.request();
    }
  }

  /**
   * The cause of the Abort for {@code stat}, the log and the front ends: which destination, what
   * OSS (or the network) said, and what to fix. Never a secret.
   */
  String abortReason(JobConfig config) {
    OssFailure failure = tripped;
    String said = failure.cause().isEmpty() ? failure.detail() : failure.cause().toString();
    return "the destination "
        + trippedFor
        + ": "
        + said
        + " (bucket "
        + config.destBucket()
        + " at "
        + config.destDomain()
        + throughProxy(config)
        + "); "
        + fix(failure.cause().code());
  }

  /** Names the proxy the requests went through, never its credentials. */
  private static String throughProxy(JobConfig config) {
    ProxyServer proxy = config.network().proxyFor(config.destDomain());
    return proxy == null ? "" : " through the proxy " + proxy + " from " + proxy.origin();
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
      case OssFailures.PROXY_AUTHENTICATION_REQUIRED:
        return "check proxyUser and proxyPassword (or the user:password of the proxy variable)";
      case "NoSuchBucket":
      case "InvalidBucketName":
        return "check destBucket, and that destDomain is the endpoint of the bucket's region";
      default:
        return "check that destDomain is reachable from this machine";
    }
  }
}
