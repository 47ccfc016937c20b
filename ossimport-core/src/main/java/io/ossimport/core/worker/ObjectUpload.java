package io.ossimport.core.worker;

import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress.EntryProgress;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;

/**
 * One object of a task, from its TASK entry to its last audit line: the {@link SelectionRules} (the
 * scan lists every object, so that each one left out is counted), key check, a look at the source,
 * the resume check or skip-existing check, then a single PUT up to {@code multipartUploadThreshold}
 * or a {@link MultipartUpload} (or, for an OSS source the destination can read, a {@link
 * ServerSideCopy}). Content type and user metadata come from the source's {@link ObjectStat} when
 * it has them; storage class, ACL, tags, headers and encryption from the job ({@link
 * DestinationMetadata}), on the one request that creates the object.
 *
 * <p>Requests: a small object with {@code isSkipExistFile=false} costs exactly one PUT. A resumed
 * object whose progress says BEGIN costs one HEAD first; if OSS holds it with the source's size and
 * CRC-64, it is not sent again.
 *
 * <p>The upload reads the source as it is when the object starts (size and mtime from a fresh stat,
 * which may differ from the scan's) and fails with {@code SIZE_NOT_MATCH} if that changes before
 * the last byte is sent.
 */
final class ObjectUpload {
  private final TaskContext ctx;
  private final ObjectContext o;
  private final EntryProgress previous;

  ObjectUpload(TaskContext ctx, ObjectContext o, EntryProgress previous) {
    this.ctx = ctx;
    this.o = o;
    this.previous = previous;
  }

  /**
   * Runs the object to its end in this run.
   *
   * @throws IOException if the task's own files cannot be written (the task cannot go on)
   */
  ObjectOutcome run() throws IOException {
    return ObjectSteps.run(ctx, o, this::transfer);
  }

  private ObjectOutcome transfer() throws ObjectFailedException, StoppedException, IOException {
    ReasonCode rule = SelectionRules.beforeStat(ctx, o);
    if (rule != null) {
      return skip(rule);
    }
    ObjectSteps.checkKey(o);
    ObjectStat stat = ObjectSteps.statSource(ctx, o);
    rule = SelectionRules.afterStat(ctx, o, stat);
    if (rule != null) {
      return skip(rule);
    }
    if (previous.state() == EntryState.BEGUN) {
      Uploaded there = atDestinationAlready(stat);
      if (there != null) {
        return uploaded(there);
      }
    } else if (ctx.config().isSkipExistFile() && existsAlready(stat)) {
      return skip(ReasonCode.EXISTS);
    }
    String md5 =
        !ctx.recordMd5
            ? null
            : stat.md5Hex() != null
                ? stat.md5Hex() // the source knows it: no need to read the object for it
                : ctx.attempts.runAtSource(
                    o, () -> SourceDigests.md5Hex(ctx.source(), o.reference(), stat));
    if (ctx.stop.isRequested()) {
      throw new StoppedException(); // not begun: the resumed run starts it afresh
    }
    ctx.logs.begin(o);
    Uploaded u = new ServerSideCopy(ctx, o, stat, md5).run();
    if (u == null) {
      u =
          stat.size() > ctx.config().multipartUploadThreshold()
              ? new MultipartUpload(ctx, o, stat, md5).run()
              : put(stat, md5);
    }
    AfterImportAudit.verify(ctx, o, stat, u);
    return uploaded(u);
  }

  private Uploaded put(ObjectStat stat, String md5)
      throws ObjectFailedException, StoppedException, IOException {
    try {
      return ctx.attempts.runBegun(
          o,
          () -> {
            try (SourceBody body =
                new SourceBody(
                    ctx.source(),
                    o.reference(),
                    0,
                    stat.size(),
                    stat,
                    ctx.limiter,
                    ctx.counters.sending(o.index))) {
              Uploaded u =
                  ctx.destination()
                      .put(o.key(), body, stat.size(), metadata(ctx, o.key(), stat, md5));
              body.sent();
              return SourceCrc.verify(stat, u);
            }
          });
    } catch (ObjectFailedException e) {
      if (e.failure().reason() == ReasonCode.CRC_NOT_MATCH) {
        deleteQuietly(ctx, o); // a later skip-existing run must not keep an object that failed
      }
      throw e;
    }
  }

  /**
   * Skip-existing: OSS holds an object of the same size, not older than the source; from the task's
   * listing when it covers the key ({@code skipExistMode}), else one HEAD.
   */
  private boolean existsAlready(ObjectStat stat)
      throws ObjectFailedException, StoppedException, IOException {
    SkipListing.Lookup listed =
        ctx.skipListing == null ? SkipListing.Lookup.UNKNOWN : ctx.skipListing.lookup(ctx, o);
    RemoteObject r =
        listed.known ? listed.object : ctx.attempts.run(o, () -> ctx.destination().head(o.key()));
    // Last-Modified has whole seconds: compare with the source's mtime cut to its second.
    long sourceSecond = stat.lastModifiedMillis() / 1000 * 1000;
    return r != null && r.size() == stat.size() && r.lastModifiedMillis() >= sourceSecond;
  }

  /** After a crash mid-send: the object, if OSS already holds it complete and correct. */
  private Uploaded atDestinationAlready(ObjectStat stat)
      throws ObjectFailedException, StoppedException, IOException {
    RemoteObject r = ctx.attempts.run(o, () -> ctx.destination().head(o.key()));
    if (r == null || r.size() != stat.size() || r.crc64() == null) {
      return null;
    }
    Long expected =
        unchangedSinceScan(o, stat)
            ? MultipartUpload.combinedCrc(ctx.files.readMultipart(o.index), stat.size())
            : null;
    if (expected == null) {
      expected = stat.crc64(); // a source that knows it spares reading the whole object
    }
    if (expected == null) {
      expected =
          ctx.attempts.runAtSource(o, () -> SourceDigests.crc64(ctx.source(), o.reference(), stat));
    }
    return expected.equals(r.crc64()) ? new Uploaded(r.etag(), r.crc64()) : null;
  }

  private ObjectOutcome uploaded(Uploaded u) throws IOException {
    ctx.logs.uploaded(o, u.crc64(), u.etag());
    if (o.size > ctx.config().multipartUploadThreshold() || previous.state() == EntryState.BEGUN) {
      ctx.files.deleteMultipartRecord(o.index);
    }
    ctx.counters.done(o.size);
    return ObjectOutcome.UPLOADED;
  }

  private ObjectOutcome skip(ReasonCode why) throws IOException {
    ctx.logs.skipped(o, why);
    ctx.counters.skipped(o.size);
    return ObjectOutcome.SKIPPED;
  }

  /** Whether the source still has the size and mtime the scan wrote into the TASK. */
  static boolean unchangedSinceScan(ObjectContext o, ObjectStat stat) {
    return o.entry.size() >= 0
        && o.entry.mtimeMillis() >= 0
        && stat.size() == o.entry.size()
        && stat.lastModifiedMillis() == o.entry.mtimeMillis();
  }

  /**
   * The destination's metadata: the source's and the job's attributes ({@link
   * DestinationMetadata}).
   */
  static ObjectMetadata metadata(TaskContext ctx, String key, ObjectStat stat, String md5) {
    return DestinationMetadata.of(ctx.job.writeAttributes(), key, stat, md5);
  }

  /** Removes an object that failed its CRC-64 check; one try, best effort. */
  static void deleteQuietly(TaskContext ctx, ObjectContext o) {
    try {
      ctx.destination().delete(o.key());
    } catch (RuntimeException e) {
      // It stays; its audit line says CRC_NOT_MATCH and a retry overwrites it.
    }
  }
}
