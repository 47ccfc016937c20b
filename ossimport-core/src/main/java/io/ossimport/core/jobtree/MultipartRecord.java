package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The record of one large object's multipart upload, so a restarted worker resumes it instead of
 * starting over. Format version 1: header {@code ossimport-multipart 1}, then TAB-separated lines:
 *
 * <pre>
 * UPLOAD  &lt;escaped upload id&gt; &lt;part size&gt; &lt;escaped destination key&gt;
 * PART    &lt;part number&gt; &lt;crc64 or -&gt; &lt;escaped etag&gt;
 * </pre>
 *
 * <p>A later UPLOAD line starts a new upload and supersedes the parts before it. The UPLOAD line is
 * forced to disk (an upload id lost to a power cut would leak the upload); PART lines are appended
 * like every {@link AppendLog} line.
 */
public final class MultipartRecord implements Closeable {
  static final String HEADER = "ossimport-multipart 1";

  private final AppendLog log;

  private MultipartRecord(AppendLog log) {
    this.log = log;
  }

  /** Opens the record for appending, creating it, and cutting off a torn last line. */
  public static MultipartRecord open(Path file) throws IOException {
    return new MultipartRecord(AppendLog.open(file, HEADER, MultipartRecord::isValid));
  }

  /** The upload the record describes, or {@code null} if it names none (or the file is missing). */
  public static MultipartState read(Path file) throws IOException {
    final MultipartState.Builder state = new MultipartState.Builder();
    AppendLog.read(
        file, HEADER, MultipartRecord::isValid, (line, number) -> state.apply(line.split("\t")));
    return state.build();
  }

  /** Records a new upload of {@code destinationKey}, in parts of {@code partSize} bytes. */
  public void startUpload(String uploadId, long partSize, String destinationKey)
      throws IOException {
    if (partSize <= 0) {
      throw new IllegalArgumentException("part size " + partSize + " must be positive");
    }
    log.append(
        "UPLOAD\t"
            + NameCodec.escape(uploadId)
            + "\t"
            + partSize
            + "\t"
            + NameCodec.escape(destinationKey));
    log.force();
  }

  /** Records that part {@code partNumber} (1-based) is uploaded. */
  public void partDone(int partNumber, String etag, Long crc64) throws IOException {
    if (partNumber < 1) {
      throw new IllegalArgumentException("part number " + partNumber + " must be at least 1");
    }
    log.append(
        "PART\t"
            + partNumber
            + "\t"
            + (crc64 == null ? "-" : Long.toUnsignedString(crc64))
            + "\t"
            + NameCodec.escape(etag));
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  static boolean isValid(String line) {
    String[] f = line.split("\t", -1);
    try {
      if (f[0].equals("UPLOAD") && f.length == 4) {
        NameCodec.unescape(f[1]);
        NameCodec.unescape(f[3]);
        return Long.parseLong(f[2]) > 0;
      }
      if (f[0].equals("PART") && f.length == 4) {
        if (!f[2].equals("-")) {
          Long.parseUnsignedLong(f[2]);
        }
        NameCodec.unescape(f[3]);
        return Integer.parseInt(f[1]) >= 1;
      }
      return false;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
