package io.ossimport.core.worker;

import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * {@code isAuditAfterImport=true}: after an object is uploaded, one HEAD of the destination and a
 * comparison as {@code auditMode} says ({@link AuditCheck}), so that an object changed at the
 * destination while or after it was sent fails with the reason instead of counting as done. The
 * content check ({@code detailed}) uses the CRC-64 the upload computed, so the source is not read
 * again. Times are not compared: the destination's Last-Modified is the upload's own, and against
 * the source's clock it would only measure the skew between the two.
 *
 * <p>With {@code isAuditAfterImport=false}, or for a source modified after {@code lastModify},
 * nothing is sent.
 */
final class AfterImportAudit {
  private AfterImportAudit() {}

  /**
   * Verifies an object just uploaded.
   *
   * @throws ObjectFailedException naming the difference, if the destination does not hold what was
   *     sent
   */
  static void verify(TaskContext ctx, ObjectContext o, ObjectStat stat, Uploaded sent)
      throws ObjectFailedException, StoppedException, IOException {
    if (!ctx.config().isAuditAfterImport() || newerThanLastModify(ctx, stat)) {
      return;
    }
    // Sent already: a graceful stop lets the check run rather than leave the object half-recorded.
    RemoteObject dest = ctx.attempts.runBegun(o, () -> ctx.destination().head(o.key()));
    AuditCheck.Digests digests = digests(ctx, o, stat);
    AuditCheck.Digests known =
        sent.crc64() == null
            ? digests
            : new AuditCheck.Digests() {
              @Override
              public Long crc64() {
                return sent.crc64();
              }

              @Override
              public String md5Hex() throws ObjectFailedException, StoppedException, IOException {
                return digests.md5Hex();
              }
            };
    OssFailure difference = AuditCheck.compare(ctx.config().auditMode(), stat, dest, false, known);
    if (difference != null) {
      throw new ObjectFailedException(difference, null);
    }
  }

  /** {@code lastModify}: a source modified later than it is not verified. */
  static boolean newerThanLastModify(TaskContext ctx, ObjectStat stat) {
    long lastModifyMillis = ctx.config().lastModify() * 1000L;
    return lastModifyMillis > 0 && stat.lastModifiedMillis() > lastModifyMillis;
  }

  /** The source's digests, computed by reading it (with retries) when a check asks for them. */
  static AuditCheck.Digests digests(TaskContext ctx, ObjectContext o, ObjectStat stat) {
    return new AuditCheck.Digests() {
      @Override
      public Long crc64() throws ObjectFailedException, StoppedException, IOException {
        return ctx.attempts.run(o, () -> SourceDigests.crc64(ctx.source(), o.reference(), stat));
      }

      @Override
      public String md5Hex() throws ObjectFailedException, StoppedException, IOException {
        return ctx.attempts.run(o, () -> SourceDigests.md5Hex(ctx.source(), o.reference(), stat));
      }
    };
  }
}
