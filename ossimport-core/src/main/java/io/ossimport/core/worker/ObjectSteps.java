package io.ossimport.core.worker;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.source.ObjectKeys;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * The steps every kind of object run shares (an upload, an audit): the key check, the look at the
 * source, and how a failure ends the object. One place, so an audit and an upload of the same
 * object fail with the same reason and the same log lines.
 */
final class ObjectSteps {
  /** One kind of object run, ended by a failure or a stop. */
  interface Body {
    ObjectOutcome run() throws ObjectFailedException, StoppedException, IOException;
  }

  private ObjectSteps() {}

  /**
   * Runs {@code body}: a stop ends the object STOPPED, a failure logs it, counts it and ends it
   * FAILED with its error.list entry; a failure whose code is a {@linkplain ReasonCode#isSkipRule()
   * skip rule} (the source's stat found a symbolic link a rule leaves alone) ends it SKIPPED.
   *
   * @throws IOException if the task's own files cannot be written (the task cannot go on)
   */
  static ObjectOutcome run(TaskContext ctx, ObjectContext o, Body body) throws IOException {
    try {
      return body.run();
    } catch (StoppedException e) {
      return ObjectOutcome.STOPPED;
    } catch (ObjectFailedException e) {
      OssFailure failure = e.failure();
      if (failure.reason().isSkipRule()) {
        // the source found an entry a rule leaves alone (a symbolic link,
        // isAllowSymbolicLink=false)
        ctx.logs.skipped(o, failure.reason());
        ctx.counters.skipped(o.size);
        return ObjectOutcome.SKIPPED;
      }
      ctx.logs.failed(o, failure, e.getCause());
      ctx.counters.failed(o.size);
      return ObjectOutcome.failed(
          ErrorEntry.of(failure.reason(), failure.cause(), o.entry),
          failure.isUnexpected() ? e.getCause() : null,
          failure);
    }
  }

  /** Fails the object with INVALID_KEY unless OSS accepts its destination key. */
  static void checkKey(ObjectContext o) throws ObjectFailedException {
    String keyProblem = ObjectKeys.validate(o.key());
    if (keyProblem != null) {
      throw new ObjectFailedException(
          OssFailure.permanent(ReasonCode.INVALID_KEY, keyProblem + "; check destPrefix"), null);
    }
  }

  /**
   * Looks the source object up (with the worker's retries) and takes its current size; fails it
   * with SOURCE_NOT_FOUND if it is gone.
   */
  static ObjectStat statSource(TaskContext ctx, ObjectContext o)
      throws ObjectFailedException, StoppedException, IOException {
    ObjectStat stat = ctx.attempts.runAtSource(o, () -> ctx.source().stat(o.reference()));
    if (!stat.exists()) {
      throw new ObjectFailedException(
          OssFailure.permanent(ReasonCode.SOURCE_NOT_FOUND, "the source file is gone"), null);
    }
    o.size = stat.size();
    return stat;
  }
}
