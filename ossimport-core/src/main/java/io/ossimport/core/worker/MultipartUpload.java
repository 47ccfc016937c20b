package io.ossimport.core.worker;

import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartSummary;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One large object as a multipart upload: parts sized and sent at once as {@link PartSizing} says
 * ({@code multipartUploadPartSize}, {@code uploadThreadNumPerLargeFile}, or {@code auto}), each a
 * ranged read of the source, each recorded in the task's {@link MultipartRecord} when OSS has it,
 * so a restarted worker continues the upload (after ListParts confirms the parts) instead of
 * starting over.
 *
 * <p>Before Complete the source is looked up again; if it changed, the upload is aborted rather
 * than completed into a mixed object. Complete passes every part's size and CRC-64, so the SDK
 * checks the CRC-64 of the whole object. A failed object's upload is aborted and its record
 * dropped; a stopped one keeps both, for resume.
 */
final class MultipartUpload {
  /** Sends one part: {@code length} bytes of the source from {@code offset} as part {@code n}. */
  interface PartSender {
    Uploaded send(String uploadId, int n, long offset, long length) throws Exception;
  }

  private final TaskContext ctx;
  private final ObjectContext o;
  private final ObjectStat stat;
  private final String md5Hex;
  private long partSize;
  private int partCount;
  private final ConcurrentSkipListMap<Integer, PartETag> done = new ConcurrentSkipListMap<>();
  private final PartSender sender;

  /** Whether {@link #sender} counts the bytes it sends (reading the source does; copies not). */
  private final boolean sourceCountsBytes;

  MultipartUpload(TaskContext ctx, ObjectContext o, ObjectStat stat, String md5Hex) {
    this(ctx, o, stat, md5Hex, null);
  }

  /** An upload whose parts {@code sender} sends ({@code null}: read from the source and PUT). */
  MultipartUpload(
      TaskContext ctx, ObjectContext o, ObjectStat stat, String md5Hex, PartSender sender) {
    this.sender = sender != null ? sender : this::sendFromSource;
    this.sourceCountsBytes = sender == null;
    this.ctx = ctx;
    this.o = o;
    this.stat = stat;
    this.md5Hex = md5Hex;
  }

  /**
   * The part size of this upload, {@link PartSizing#partSize}: a function of the file's size and
   * the job's frozen configuration only (also for {@code auto}), so a resumed upload of an
   * unchanged file computes the part size it began with; a record with another one is aborted.
   */
  private void choosePartSize(MultipartState previous) {
    partSize = PartSizing.partSize(stat.size(), ctx.config().multipartUploadPartSize());
    partCount = (int) ((stat.size() + partSize - 1) / partSize);
  }

  /** The part size chosen by {@link #run()}, for tests. */
  long partSize() {
    return partSize;
  }

  /** Uploads (or finishes uploading) the object; its record is left for the caller to delete. */
  Uploaded run() throws ObjectFailedException, StoppedException, IOException {
    MultipartState previous = ctx.files.readMultipart(o.index);
    choosePartSize(previous);
    String uploadId = null;
    try (MultipartRecord record = ctx.files.openMultipartRecord(o.index)) {
      uploadId = resume(previous);
      if (uploadId == null) {
        uploadId =
            ctx.attempts.run(
                o,
                () ->
                    ctx.destination()
                        .initiate(o.key(), ObjectUpload.metadata(ctx, o.key(), stat, md5Hex)));
        record.startUpload(uploadId, partSize, o.key());
      }
      uploadParts(uploadId, record);
      checkSourceUnchanged();
      return complete(uploadId);
    } catch (ObjectFailedException e) {
      if (uploadId != null) {
        abortAndForget(o.key(), uploadId); // after a Complete OSS answers NoSuchUpload: fine
      }
      throw e;
    }
  }

  /** The recorded upload's id with its confirmed parts in {@link #done}, or null to start anew. */
  private String resume(MultipartState previous)
      throws ObjectFailedException, StoppedException, IOException {
    if (previous == null) {
      return null;
    }
    if (!previous.destinationKey().equals(o.key())
        || previous.partSize() != partSize
        || !ObjectUpload.unchangedSinceScan(o, stat)) {
      // Parts of another key, part size or source version: useless. The new UPLOAD line
      // supersedes the record, so the old upload must go now or it is forgotten.
      abortStale(previous);
      return null;
    }
    SortedMap<Integer, PartSummary> onServer =
        ctx.attempts.run(
            o,
            () -> {
              try {
                return ctx.destination().listParts(o.key(), previous.uploadId());
              } catch (RuntimeException e) {
                if (OssFailures.isNoSuchUpload(e)) {
                  return null;
                }
                throw e;
              }
            });
    if (onServer == null) {
      ctx.logs.event(
          ImportEvent.Level.DEBUG,
          "OSS no longer knows the recorded upload of "
              + NameCodec.escape(o.key())
              + "; starting a new one");
      return null;
    }
    for (MultipartState.Part p : previous.parts().values()) {
      int n = p.number();
      PartSummary s = onServer.get(n);
      if (n <= partCount
          && p.crc64() != null
          && s != null
          && s.getSize() == partLength(n)
          && sameEtag(s.getETag(), p.etag())) {
        done.put(n, new PartETag(n, p.etag(), partLength(n), p.crc64()));
        ctx.counters.sending(o.index).addAndGet(partLength(n)); // already there: progress
      }
    }
    ctx.logs.event(
        ImportEvent.Level.DEBUG,
        "resuming the upload of "
            + NameCodec.escape(o.key())
            + ": "
            + done.size()
            + " of "
            + partCount
            + " parts");
    return previous.uploadId();
  }

  private void uploadParts(String uploadId, MultipartRecord record)
      throws ObjectFailedException, StoppedException, IOException {
    PartWindow window =
        new PartWindow(
            ctx.partPool,
            ctx.stop,
            PartSizing.partsInFlight(partCount, ctx.config().uploadThreadNumPerLargeFile()));
    for (int n = 1; n <= partCount; n++) {
      final int part = n;
      if (!done.containsKey(n) && !window.start(() -> uploadPart(uploadId, part, record))) {
        break;
      }
    }
    window.finish();
    if (done.size() < partCount) {
      throw new StoppedException(); // a stop came before every part was started
    }
  }

  private void uploadPart(String uploadId, int n, MultipartRecord record)
      throws ObjectFailedException, StoppedException, IOException {
    long offset = (n - 1) * partSize;
    long length = partLength(n);
    Uploaded u = ctx.attempts.run(o, () -> sender.send(uploadId, n, offset, length));
    synchronized (record) {
      record.partDone(n, u.etag(), u.crc64());
    }
    done.put(n, new PartETag(n, u.etag(), length, u.crc64()));
    if (!sourceCountsBytes) {
      ctx.counters.sending(o.index).addAndGet(length);
    }
  }

  private Uploaded sendFromSource(String uploadId, int n, long offset, long length)
      throws IOException {
    try (SourceBody body =
        new SourceBody(
            ctx.source(),
            o.reference(),
            offset,
            length,
            stat,
            ctx.limiter,
            ctx.counters.sending(o.index))) {
      Uploaded u = ctx.destination().uploadPart(o.key(), uploadId, n, body, length);
      body.sent();
      return u;
    }
  }

  private void checkSourceUnchanged() throws ObjectFailedException, StoppedException, IOException {
    ObjectStat now = ctx.attempts.runAtSource(o, () -> ctx.source().stat(o.reference()));
    if (!now.exists()) {
      throw new ObjectFailedException(
          OssFailure.permanent(
              ReasonCode.SOURCE_NOT_FOUND, "the source was deleted while it was uploaded"),
          null);
    }
    if (now.size() != stat.size() || now.lastModifiedMillis() != stat.lastModifiedMillis()) {
      throw new ObjectFailedException(
          OssFailure.permanent(
              ReasonCode.SIZE_NOT_MATCH,
              "the source changed while it was uploaded; the upload is aborted"),
          null);
    }
  }

  private Uploaded complete(String uploadId)
      throws ObjectFailedException, StoppedException, IOException {
    List<PartETag> parts = new ArrayList<>(done.values());
    int[] tries = {0};
    try {
      return ctx.attempts.run(
          o,
          () -> {
            tries[0]++;
            try {
              return SourceCrc.verify(stat, ctx.destination().complete(o.key(), uploadId, parts));
            } catch (RuntimeException e) {
              // A Complete that succeeded but whose answer was lost leaves no upload to complete.
              Uploaded earlier = tries[0] > 1 && OssFailures.isNoSuchUpload(e) ? completed() : null;
              if (earlier != null) {
                return earlier;
              }
              throw e;
            }
          },
          true);
    } catch (ObjectFailedException e) {
      if (e.failure().reason() == ReasonCode.CRC_NOT_MATCH) {
        ObjectUpload.deleteQuietly(ctx, o); // never leave an object that failed its check
      }
      throw e;
    }
  }

  /** The object, if OSS holds it with the size and combined CRC-64 of our parts. */
  private Uploaded completed() {
    RemoteObject r = ctx.destination().head(o.key());
    Long expected = combinedCrc(done.values());
    if (expected == null) {
      expected = stat.crc64(); // copied parts whose CRC-64 OSS did not report
    }
    return r != null && r.size() == stat.size() && expected != null && expected.equals(r.crc64())
        ? new Uploaded(r.etag(), r.crc64())
        : null;
  }

  /** The whole object's CRC-64 from its parts', or null if one is missing. */
  static Long combinedCrc(Iterable<PartETag> parts) {
    long crc = 0;
    for (PartETag p : parts) {
      if (p.getPartCRC() == null) {
        return null;
      }
      crc = CRC64.combine(crc, p.getPartCRC(), p.getPartSize());
    }
    return crc;
  }

  /**
   * The whole object's CRC-64 from a record that holds every part of {@code size} bytes, or null.
   */
  static Long combinedCrc(MultipartState state, long size) {
    if (state == null) {
      return null;
    }
    long part = state.partSize();
    int count = (int) ((size + part - 1) / part);
    List<PartETag> parts = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      MultipartState.Part p = state.parts().get(n);
      if (p == null) {
        return null;
      }
      parts.add(new PartETag(n, p.etag(), Math.min(part, size - (n - 1) * part), p.crc64()));
    }
    return state.parts().size() == count ? combinedCrc(parts) : null;
  }

  private void abortStale(MultipartState previous) {
    try {
      ctx.destination().abort(previous.destinationKey(), previous.uploadId());
    } catch (RuntimeException e) {
      ctx.logs.event(
          ImportEvent.Level.WARN,
          "could not abort the outdated multipart upload "
              + previous.uploadId()
              + " of "
              + NameCodec.escape(previous.destinationKey())
              + " ("
              + OssFailures.classify(e)
              + "); abort it by hand or let a bucket lifecycle rule remove it");
    }
  }

  private void abortAndForget(String key, String uploadId) throws IOException {
    try {
      ctx.destination().abort(key, uploadId);
      ctx.files.deleteMultipartRecord(o.index);
    } catch (RuntimeException e) {
      // The record stays, so that `clean` can abort the upload later.
      ctx.logs.event(
          ImportEvent.Level.DEBUG,
          "could not abort the upload of "
              + NameCodec.escape(key)
              + ": "
              + OssFailures.classify(e));
    }
  }

  private long partLength(int n) {
    return Math.min(partSize, stat.size() - (n - 1) * partSize);
  }

  private static boolean sameEtag(String a, String b) {
    return a != null && b != null && trim(a).equalsIgnoreCase(trim(b));
  }

  private static String trim(String etag) {
    return etag.replace("\"", "").trim();
  }
}
