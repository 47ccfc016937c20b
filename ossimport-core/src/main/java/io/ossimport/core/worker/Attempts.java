package io.ossimport.core.worker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.CredentialRefresh;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.retry.Backoff;
import java.io.IOException;

/**
 * Runs one request (or source read) of an object until it succeeds, fails for good, or the task
 * stops. Each attempt waits for room in the job's {@link RequestWindow}, which OSS's throttling
 * answers narrow. Every failure goes through {@link OssFailures#classify}; a retryable one with
 * budget left is written as a {@code RETRY} audit line and waited out with {@link Backoff} (full
 * jitter). The budget is per request, so a large object's parts each get their own. A security
 * token OSS refuses is read again from its origin ({@link CredentialRefresh}) and the request sent
 * again at once.
 */
final class Attempts {
  /** A request. */
  interface Call<T> {
    T call() throws Exception;
  }

  private final Backoff backoff;
  private final StopSignal stop;

  /** Requests sent again at once after new credentials, per request (a refresher may lag). */
  static final int MAX_CREDENTIAL_REFRESHES = 3;

  private final TaskLogs logs;
  private final DestinationHealth health;
  private final RequestWindow window;
  private final ObjectConcurrency concurrency;
  private final CredentialRefresh credentials;

  Attempts(
      Backoff backoff,
      StopSignal stop,
      TaskLogs logs,
      DestinationHealth health,
      RequestWindow window,
      ObjectConcurrency concurrency,
      CredentialRefresh credentials) {
    this.backoff = backoff;
    this.stop = stop;
    this.logs = logs;
    this.health = health;
    this.window = window;
    this.concurrency = concurrency;
    this.credentials = credentials;
  }

  /** Runs {@code call}, a request to the destination, with retries. */
  <T> T run(ObjectContext o, Call<T> call)
      throws ObjectFailedException, StoppedException, IOException {
    return run(o, call, false, true, true);
  }

  /**
   * Runs {@code call}, a look at or read of the source only, with retries and outside the request
   * window: what the source answers says nothing about the destination, and a window widened by
   * local stats would let a destination that refuses everything be tried on every object thread.
   */
  <T> T runAtSource(ObjectContext o, Call<T> call)
      throws ObjectFailedException, StoppedException, IOException {
    return run(o, call, false, true, false);
  }

  /**
   * Runs {@code call} with retries, making its first attempt even when a stop has been requested:
   * for the send of an object whose BEGIN is already in the progress log, so that a graceful stop
   * lets it finish instead of leaving it half-way for the resumed run to check.
   */
  <T> T runBegun(ObjectContext o, Call<T> call)
      throws ObjectFailedException, StoppedException, IOException {
    return run(o, call, false, false, true);
  }

  /**
   * Runs {@code call} with retries.
   *
   * @param crcMismatchIsFinal true where another attempt cannot repair a CRC-64 mismatch (a
   *     completed multipart upload no longer exists)
   */
  <T> T run(ObjectContext o, Call<T> call, boolean crcMismatchIsFinal)
      throws ObjectFailedException, StoppedException, IOException {
    return run(o, call, crcMismatchIsFinal, true, true);
  }

  private <T> T run(
      ObjectContext o,
      Call<T> call,
      boolean crcMismatchIsFinal,
      boolean stopBeforeFirstAttempt,
      boolean destination)
      throws ObjectFailedException, StoppedException, IOException {
    RequestWindow window = destination ? this.window : RequestWindow.NONE;
    int refreshes = 0;
    for (int tries = 1; ; tries++) {
      if (stop.isRequested() && (tries > 1 || stopBeforeFirstAttempt)) {
        throw new StoppedException();
      }
      long round;
      int generation = credentials == null ? 0 : credentials.generation();
      try {
        round = window.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoppedException();
      }
      if (health.trippedBy() != null) {
        // The destination does not work: not even a begun object's first attempt is worth it
        // (the resumed run looks at the destination first, as after a crash).
        window.release(round, RequestWindow.Answer.FAILED);
        throw new StoppedException();
      }
      long started = System.nanoTime();
      if (destination) {
        concurrency.requestStarted();
      }
      T result;
      try {
        result = call.call();
      } catch (ObjectFailedException | StoppedException e) {
        ended(destination, started, false);
        window.release(round, RequestWindow.Answer.FAILED);
        throw e;
      } catch (Exception | LinkageError | AssertionError e) {
        ended(destination, started, false);
        narrowed(
            window.release(
                round,
                OssFailures.isThrottling(e)
                    ? RequestWindow.Answer.THROTTLED
                    : RequestWindow.Answer.FAILED),
            e);
        if (credentials != null
            && OssFailures.isSecurityTokenRejected(e)
            && refreshes < MAX_CREDENTIAL_REFRESHES
            && credentials.refresh(generation)) {
          refreshes++; // the same request again, signed with the credentials read anew
          tries--;
          continue;
        }
        OssFailure failure = OssFailures.classify(e);
        boolean retry =
            failure.isRetryable()
                && backoff.allowsAnotherAttempt(tries)
                && !(crcMismatchIsFinal && failure.reason() == ReasonCode.CRC_NOT_MATCH);
        if (!retry) {
          throw new ObjectFailedException(failure, e);
        }
        if (failure.isDestinationWide()) {
          health.unreachable(failure); // may trip it: the stop ends the wait below
        }
        logs.retrying(o, failure, (System.nanoTime() - started) / 1_000_000L, tries);
        if (!stop.sleep(backoff.delayMillis(tries))) {
          throw new StoppedException();
        }
        continue;
      } catch (Error e) {
        ended(destination, started, false);
        window.release(round, RequestWindow.Answer.FAILED);
        throw e;
      }
      ended(destination, started, true);
      window.release(round, RequestWindow.Answer.PASSED);
      return result;
    }
  }

  /** Tells the worker's {@link ObjectConcurrency} how long a destination request took. */
  private void ended(boolean destination, long started, boolean passed) {
    if (destination) {
      concurrency.requestEnded(System.nanoTime() - started, passed);
    }
  }

  /** One event per narrowing of the window (not per throttled request). */
  private void narrowed(int width, Throwable cause) {
    if (width > 0) {
      concurrency.throttled();
      logs.event(
          ImportEvent.Level.INFO,
          "OSS throttles ("
              + OssFailures.classify(cause).detail()
              + "): at most "
              + width
              + " requests of the job in flight now, more again as requests get through");
    }
  }
}
