package io.ossimport.core.worker;

import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * One object of a {@code jobType=audit} task: compares the source with the destination as {@code
 * auditMode} says ({@link AuditCheck}) and never writes to the destination. Requests: one HEAD per
 * object; {@code detailed} also reads the source unless it reports a checksum itself.
 *
 * <p>An object whose source was modified after {@code lastModify} is SKIPPED ({@code
 * NEWER_THAN_LAST_MODIFY}) without a request; a difference fails the object with its reason, so the
 * task fails and {@code retry} audits the failed objects again.
 */
final class ObjectAudit {
  private final TaskContext ctx;
  private final ObjectContext o;

  ObjectAudit(TaskContext ctx, ObjectContext o) {
    this.ctx = ctx;
    this.o = o;
  }

  /**
   * Audits the object.
   *
   * @throws IOException if the task's own files cannot be written (the task cannot go on)
   */
  ObjectOutcome run() throws IOException {
    return ObjectSteps.run(ctx, o, this::audit);
  }

  private ObjectOutcome skipped(ReasonCode rule) throws IOException {
    ctx.logs.skipped(o, rule);
    ctx.counters.skipped(o.size);
    return ObjectOutcome.SKIPPED;
  }

  private ObjectOutcome audit() throws ObjectFailedException, StoppedException, IOException {
    ReasonCode rule = SelectionRules.beforeStat(ctx, o);
    if (rule != null) {
      return skipped(rule);
    }
    ObjectSteps.checkKey(o);
    ObjectStat stat = ObjectSteps.statSource(ctx, o);
    rule = SelectionRules.afterStat(ctx, o, stat);
    if (rule != null) {
      return skipped(rule);
    }
    if (AfterImportAudit.newerThanLastModify(ctx, stat)) {
      ctx.logs.skipped(o, ReasonCode.NEWER_THAN_LAST_MODIFY);
      ctx.counters.skipped(o.size);
      return ObjectOutcome.SKIPPED;
    }
    RemoteObject dest = ctx.attempts.run(o, () -> ctx.destination().head(o.key()));
    OssFailure difference =
        AuditCheck.compare(
            ctx.config().auditMode(),
            DestinationMetadata.expected(ctx.job.writeAttributes(), stat),
            dest,
            true,
            AfterImportAudit.digests(ctx, o, stat));
    if (difference != null) {
      throw new ObjectFailedException(difference, null);
    }
    // DONE with what the destination holds: a resumed run counts it as verified, not skipped.
    ctx.logs.uploaded(o, dest.crc64(), dest.etag());
    ctx.counters.done(o.size);
    return ObjectOutcome.UPLOADED;
  }
}
