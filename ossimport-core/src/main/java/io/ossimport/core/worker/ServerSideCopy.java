package io.ossimport.core.worker;

import com.aliyun.oss.OSSException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.oss.SourceFailureException;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * One object copied by OSS itself when the job's {@link CopyRoute} allows it: CopyObject up to
 * {@code multipartUploadThreshold} (and OSS's 1 GB limit of CopyObject), else a {@link
 * MultipartUpload} whose parts are UploadPartCopy requests, recorded and resumed like uploaded
 * parts. Nothing passes through the worker, so the throughput limit does not apply.
 *
 * <p>Every copy is conditional on the source being unmodified since the stat the object started
 * with (a change fails it with {@code SIZE_NOT_MATCH}), carries the source's content type and user
 * metadata, and ends with the destination's CRC-64 compared with the source's ({@link SourceCrc}).
 *
 * <p>If OSS refuses a copy with AccessDenied (the AccessKey may read and write each bucket but not
 * copy between them, e.g. a bucket policy), the route is turned off: this object and the rest of
 * the job are downloaded and uploaded instead, and one WARN event says so.
 */
final class ServerSideCopy {
  /** The largest object CopyObject copies; above it only UploadPartCopy works. */
  static final long MAX_COPY_OBJECT_BYTES = 1L << 30;

  private final TaskContext ctx;
  private final ObjectContext o;
  private final ObjectStat stat;
  private final String md5;
  private final CopyRoute route;

  ServerSideCopy(TaskContext ctx, ObjectContext o, ObjectStat stat, String md5) {
    this.ctx = ctx;
    this.o = o;
    this.stat = stat;
    this.md5 = md5;
    this.route = ctx.job.copyRoute();
  }

  /**
   * Copies the object, or returns null if the caller is to download and upload it: the route is
   * off, or OSS refused the copy.
   */
  Uploaded run() throws ObjectFailedException, StoppedException, IOException {
    if (!route.enabled()) {
      return null;
    }
    try {
      if (stat.size() > Math.min(ctx.config().multipartUploadThreshold(), MAX_COPY_OBJECT_BYTES)) {
        Uploaded u = new MultipartUpload(ctx, o, stat, md5, this::copyPart).run();
        ctx.files.deleteMultipartRecord(o.index); // also when below the threshold (over 1 GB)
        return u;
      }
      return copyWhole();
    } catch (ObjectFailedException e) {
      if (!(e.getCause() instanceof CopyRefusedException)) {
        throw e;
      }
      if (route.disable()) {
        ctx.logs.event(
            ImportEvent.Level.WARN,
            "OSS refused to copy "
                + NameCodec.escape(o.reference())
                + " from bucket "
                + route.sourceBucket()
                + " ("
                + e.failure().detail()
                + "); this job downloads and uploads its objects from now on");
      }
      return null;
    }
  }

  private Uploaded copyWhole() throws ObjectFailedException, StoppedException, IOException {
    try {
      return ctx.attempts.runBegun(
          o,
          () -> {
            Uploaded u;
            try {
              u =
                  ctx.destination()
                      .copy(
                          route.sourceBucket(),
                          route.sourceKey(o.reference()),
                          o.key(),
                          ObjectUpload.metadata(ctx, o.key(), stat, md5),
                          stat.lastModifiedMillis());
            } catch (OSSException e) {
              throw refusal(e);
            }
            return SourceCrc.verify(stat, u.crc64() != null ? u : withDestinationCrc(u));
          });
    } catch (ObjectFailedException e) {
      if (e.failure().reason() == ReasonCode.CRC_NOT_MATCH) {
        ObjectUpload.deleteQuietly(ctx, o); // never leave an object that failed its check
      }
      throw e;
    }
  }

  private Uploaded copyPart(String uploadId, int n, long offset, long length) throws Exception {
    try {
      return ctx.destination()
          .uploadPartCopy(
              route.sourceBucket(),
              route.sourceKey(o.reference()),
              o.key(),
              uploadId,
              n,
              offset,
              length,
              stat.lastModifiedMillis());
    } catch (OSSException e) {
      throw refusal(e);
    }
  }

  /** A copy answer without a CRC-64: the destination's HEAD has it. */
  private Uploaded withDestinationCrc(Uploaded u) {
    RemoteObject r = ctx.destination().head(o.key());
    return r == null ? u : new Uploaded(u.etag(), r.crc64());
  }

  /** What an OSS error answer to a copy means for the object. */
  private Exception refusal(OSSException e) {
    String code = e.getErrorCode();
    if ("AccessDenied".equals(code)) {
      return new CopyRefusedException(e);
    }
    if ("PreconditionFailed".equals(code)) {
      return new SourceFailureException(
          ReasonCode.SIZE_NOT_MATCH, false, "the source changed before OSS copied it", e);
    }
    if ("NoSuchKey".equals(code)) {
      return new SourceFailureException(
          ReasonCode.SOURCE_NOT_FOUND, false, "the source was deleted before OSS copied it", e);
    }
    return e;
  }

  /** OSS answered AccessDenied to a copy: reported as such if there is no fallback. */
  static final class CopyRefusedException extends SourceFailureException {
    private static final long serialVersionUID = 1L;

    CopyRefusedException(OSSException cause) {
      super(
          ReasonCode.ACCESS_DENIED,
          false,
          "server-side copy refused: "
              + cause.getErrorCode()
              + ": "
              + cause.getErrorMessage()
              + " (request "
              + cause.getRequestId()
              + ")",
          cause);
    }
  }
}
