package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * {@code audit.log}, one line per object attempt. Format version 1: header {@code ossimport-audit
 * 1}, then eight TAB-separated fields: ISO-8601 UTC time, result ({@link AuditResult}), reason code
 * or {@code -}, size, CRC-64 (unsigned decimal) or {@code -}, duration in ms, attempt, escaped
 * destination key (last of the original's columns, so the line reads left to right like a log). A
 * FAILED or RETRY line whose failure has a {@link FailureCause} adds three fields after them: the
 * OSS error code, the escaped short message and the request id ({@code -} when absent); lines of
 * eight fields still read. Example:
 *
 * <pre>
 * 2024-05-01T08:00:00.123Z	OK	-	1048576	5981274012712349811	35	1	photos/2024/a b.jpg
 * </pre>
 *
 * <p>The worker appends to the task's copy in its worker directory ({@link AppendLog} rules);
 * {@link JobTree#complete} copies it into the finished task's directory.
 */
public final class AuditLog implements Closeable {
  static final String HEADER = "ossimport-audit 1";

  private final AppendLog log;

  private AuditLog(AppendLog log) {
    this.log = log;
  }

  /** Opens the log for appending, creating it, and cutting off a torn last line. */
  public static AuditLog open(Path file) throws IOException {
    return new AuditLog(AppendLog.open(file, HEADER, AuditLog::isValid));
  }

  /**
   * Feeds each record of {@code file} to {@code consumer}; a torn last line is ignored.
   *
   * @return whether a torn last line was ignored
   */
  public static boolean read(Path file, Consumer<AuditRecord> consumer) throws IOException {
    return AppendLog.read(
        file, HEADER, AuditLog::isValid, (line, n) -> consumer.accept(parse(line)));
  }

  /** Appends one record. */
  public void append(AuditRecord record) throws IOException {
    log.append(format(record));
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  static String format(AuditRecord r) {
    return r.time()
        + "\t"
        + r.result()
        + "\t"
        + (r.reason() == null ? "-" : r.reason().name())
        + "\t"
        + r.size()
        + "\t"
        + (r.crc64() == null ? "-" : Long.toUnsignedString(r.crc64()))
        + "\t"
        + r.durationMillis()
        + "\t"
        + r.attempt()
        + "\t"
        + NameCodec.escape(r.destination())
        + (r.cause().isEmpty() ? "" : "\t" + r.cause().columns());
  }

  static AuditRecord parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 8 && f.length != 11) {
      throw new IllegalArgumentException(
          "expected 8 or 11 TAB-separated fields, found " + f.length);
    }
    return new AuditRecord(
        Instant.parse(f[0]),
        AuditResult.valueOf(f[1]),
        f[2].equals("-") ? null : ReasonCode.parse(f[2]),
        Long.parseLong(f[3]),
        f[4].equals("-") ? null : Long.parseUnsignedLong(f[4]),
        Long.parseLong(f[5]),
        Integer.parseInt(f[6]),
        NameCodec.unescape(f[7]),
        f.length == 11 ? FailureCause.parse(f, 8) : FailureCause.NONE);
  }

  static boolean isValid(String line) {
    try {
      parse(line);
      return true;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return false;
    }
  }
}
