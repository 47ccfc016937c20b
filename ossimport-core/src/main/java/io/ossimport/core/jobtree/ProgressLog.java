package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The worker's append-only progress log of one task, {@code progress.log} in the task's worker
 * directory. Format version 1: header {@code ossimport-progress 1}, then one TAB-separated line per
 * event:
 *
 * <pre>
 * BEGIN   &lt;entry index&gt;
 * DONE    &lt;entry index&gt; &lt;crc64 or -&gt; &lt;escaped etag or -&gt;
 * FAILED  &lt;entry index&gt; &lt;reason code&gt;
 * </pre>
 *
 * <p>The entry index is the entry's 0-based position in the TASK file. Lines are appended without
 * fsync (see {@link AppendLog}); {@link #read} ignores a torn last line. After a crash an entry
 * with DONE need not be sent again, and one with BEGIN but no DONE must be checked before it is.
 */
public final class ProgressLog implements Closeable {
  static final String HEADER = "ossimport-progress 1";

  private final AppendLog log;

  private ProgressLog(AppendLog log) {
    this.log = log;
  }

  /** Opens the log for appending, creating it, and cutting off a torn last line. */
  public static ProgressLog open(Path file) throws IOException {
    return new ProgressLog(AppendLog.open(file, HEADER, ProgressLog::isValid));
  }

  /** Reads what the log records; a missing file reads as no progress. */
  public static RecordedProgress read(Path file) throws IOException {
    final RecordedProgress.Builder progress = new RecordedProgress.Builder();
    boolean torn =
        AppendLog.read(
            file, HEADER, ProgressLog::isValid, (line, number) -> progress.apply(line.split("\t")));
    return progress.build(torn);
  }

  /** The worker starts sending entry {@code index}. */
  public void begin(int index) throws IOException {
    log.append("BEGIN\t" + index);
  }

  /**
   * Entry {@code index} is at the destination, verified.
   *
   * @param crc64 the CRC-64/ECMA of the object, or {@code null} if not computed
   * @param etag the ETag OSS returned, or {@code null}
   */
  public void done(int index, Long crc64, String etag) throws IOException {
    log.append(
        "DONE\t"
            + index
            + "\t"
            + (crc64 == null ? "-" : Long.toUnsignedString(crc64))
            + "\t"
            + (etag == null ? "-" : NameCodec.escape(etag)));
  }

  /** Entry {@code index} failed for good in this run. */
  public void failed(int index, ReasonCode reason) throws IOException {
    log.append("FAILED\t" + index + "\t" + reason.name());
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  static boolean isValid(String line) {
    String[] f = line.split("\t", -1);
    try {
      switch (f[0]) {
        case "BEGIN":
          return f.length == 2 && Integer.parseInt(f[1]) >= 0;
        case "DONE":
          if (f.length != 4 || Integer.parseInt(f[1]) < 0) {
            return false;
          }
          if (!f[2].equals("-")) {
            Long.parseUnsignedLong(f[2]);
          }
          NameCodec.unescape(f[3]);
          return true;
        case "FAILED":
          return f.length == 3 && Integer.parseInt(f[1]) >= 0 && !f[2].isEmpty();
        default:
          return false;
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
