package io.ossimport.core.worker;

import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * {@code isAuditAfterImport=true}: after an object is uploaded, proof that the destination holds
 * what was read from the source, so that an object OSS stored wrong fails with the reason instead
 * of counting as done.
 *
 * <p>The proof comes from the upload's own answer when it has one: OSS returns the CRC-64 of the
 * bytes it stored ({@code x-oss-hash-crc64ecma}) on a PUT and on a Complete, the SDK checks it
 * against the CRC-64 of the bytes it sent (computed while they were read from the source, so the
 * source is not read again), and the body checked before its last byte that the source's size and
 * mtime had not changed ({@code SIZE_NOT_MATCH} otherwise). Size, content type and user metadata
 * are what the same request carried. Such an object ({@link Uploaded#confirmed()}) costs no request
 * more: one PUT per small object.
 *
 * <p>Where the answer proves nothing (a server-side copy, whose answer reports what OSS copied
 * rather than what was read; an answer without a CRC-64, as from a proxy or an OSS-compatible
 * server that does not send one; an object found complete after a crash), one HEAD of the
 * destination and a comparison as {@code auditMode} says ({@link AuditCheck}). The content check
 * ({@code detailed}) uses the CRC-64 the upload computed. Times are not compared: the destination's
 * Last-Modified is the upload's own, and against the source's clock it would only measure the skew
 * between the two.
 *
 * <p>What this audit no longer sees: another writer overwriting the object between the upload's
 * answer and the HEAD that used to follow it. That is outside the migration (a {@code
 * jobType=audit} job compares the whole destination with the source later).
 *
 * <p>With {@code isAuditAfterImport=false}, or for a source modified after {@code lastModify},
 * nothing is checked beyond what the SDK checks on every request.
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
    if (!ctx.config().isAuditAfterImport() || newerThanLastModify(ctx, stat) || sent.confirmed()) {
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
    OssFailure difference =
        AuditCheck.compare(
            ctx.config().auditMode(),
            DestinationMetadata.expected(ctx.job.writeAttributes(), stat),
            dest,
            false,
            known);
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
        return ctx.attempts.runAtSource(
            o, () -> SourceDigests.crc64(ctx.source(), o.reference(), stat));
      }

      @Override
      public String md5Hex() throws ObjectFailedException, StoppedException, IOException {
        return ctx.attempts.runAtSource(
            o, () -> SourceDigests.md5Hex(ctx.source(), o.reference(), stat));
      }
    };
  }
}
