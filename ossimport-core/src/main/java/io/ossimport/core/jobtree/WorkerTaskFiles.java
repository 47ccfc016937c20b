package io.ossimport.core.jobtree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The worker's in-flight files of one task, {@code worker/jobs/<job>/tasks/<id>/}: {@code
 * progress.log}, {@code audit.log} and {@code multipart/<entry index>.mpu}. They outlive a crash
 * (recovery keeps them for a task it returns to pending) and go when the task completes.
 */
public final class WorkerTaskFiles {
  static final String PROGRESS_FILE = "progress.log";
  static final String MULTIPART_DIR = "multipart";
  private static final String MULTIPART_SUFFIX = ".mpu";

  private final Path dir;

  WorkerTaskFiles(Path dir) {
    this.dir = dir;
  }

  /** The directory, for messages. */
  public Path dir() {
    return dir;
  }

  /** Whether the worker has started on this task (the directory exists). */
  public boolean exists() {
    return Files.isDirectory(dir);
  }

  /** Opens the progress log for appending, creating the directory. */
  public ProgressLog openProgressLog() throws IOException {
    AtomicFiles.createDirectories(dir);
    return ProgressLog.open(dir.resolve(PROGRESS_FILE));
  }

  /** What the progress log records (nothing if the worker has not started). */
  public RecordedProgress readProgress() throws IOException {
    return ProgressLog.read(dir.resolve(PROGRESS_FILE));
  }

  /** A follower of the progress log, which reads each line once however often it is asked. */
  public ProgressLogFollower followProgress() {
    return new ProgressLogFollower(dir.resolve(PROGRESS_FILE));
  }

  /** Opens the task's audit log for appending, creating the directory. */
  public AuditLog openAuditLog() throws IOException {
    AtomicFiles.createDirectories(dir);
    return AuditLog.open(dir.resolve(JobTreeLayout.AUDIT_FILE));
  }

  /** Feeds the audit records written so far to {@code consumer}. */
  public void readAudit(Consumer<AuditRecord> consumer) throws IOException {
    AuditLog.read(dir.resolve(JobTreeLayout.AUDIT_FILE), consumer);
  }

  /** Opens the multipart record of entry {@code entryIndex} for appending. */
  public MultipartRecord openMultipartRecord(int entryIndex) throws IOException {
    AtomicFiles.createDirectories(dir.resolve(MULTIPART_DIR));
    return MultipartRecord.open(multipartFile(entryIndex));
  }

  /** The multipart upload recorded for entry {@code entryIndex}, or {@code null}. */
  public MultipartState readMultipart(int entryIndex) throws IOException {
    return MultipartRecord.read(multipartFile(entryIndex));
  }

  /** Forgets entry {@code entryIndex}'s multipart upload (completed or aborted). */
  public void deleteMultipartRecord(int entryIndex) throws IOException {
    Files.deleteIfExists(multipartFile(entryIndex));
  }

  /** Every multipart upload recorded for this task, lazily (for {@code clean} to abort). */
  public Stream<MultipartState> multipartUploads() throws IOException {
    return TaskListing.entries(dir.resolve(MULTIPART_DIR))
        .filter(p -> p.getFileName().toString().endsWith(MULTIPART_SUFFIX))
        .map(
            p -> {
              try {
                return MultipartRecord.read(p);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .filter(Objects::nonNull);
  }

  /**
   * The progress log's bytes as on disk (empty when there is none): for a worker in another process
   * (a Spark executor) to report what it did to the process that owns the job tree.
   */
  public byte[] progressLogBytes() throws IOException {
    return bytesOf(dir.resolve(PROGRESS_FILE));
  }

  /** The audit log's bytes as on disk (empty when there is none), as {@link #progressLogBytes}. */
  public byte[] auditLogBytes() throws IOException {
    return bytesOf(dir.resolve(JobTreeLayout.AUDIT_FILE));
  }

  /**
   * Replaces the progress and audit logs with what a worker elsewhere reported for this task
   * ({@link #progressLogBytes}, {@link #auditLogBytes} of its own copy), each file atomically, so
   * that {@code stat}, the tracker's tally and {@link JobTree#complete} read them as if this
   * process's worker had written them. A crash between the two writes leaves a progress log without
   * its audit lines: the task is then run again, which is what happens to any task not completed.
   *
   * @throws IOException if a report does not start with its log's header (not a report of ours)
   */
  public void writeReported(byte[] progressLog, byte[] auditLog) throws IOException {
    requireHeader(progressLog, ProgressLog.HEADER);
    requireHeader(auditLog, AuditLog.HEADER);
    AtomicFiles.createDirectories(dir);
    final byte[] audit = auditLog.clone();
    AtomicFiles.write(dir.resolve(JobTreeLayout.AUDIT_FILE), out -> out.write(audit));
    writeReportedProgress(progressLog);
  }

  /**
   * Replaces the progress log alone, atomically, with what a worker elsewhere reported so far of a
   * task still running there: {@code stat} then counts its objects as it counts this process's
   * worker's. The report at the task's end ({@link #writeReported}) replaces it.
   *
   * @throws IOException if the report does not start with the log's header
   */
  public void writeReportedProgress(byte[] progressLog) throws IOException {
    requireHeader(progressLog, ProgressLog.HEADER);
    AtomicFiles.createDirectories(dir);
    final byte[] progress = progressLog.clone();
    AtomicFiles.write(dir.resolve(PROGRESS_FILE), out -> out.write(progress));
  }

  /**
   * The multipart records' bytes as on disk, by entry index (none when there is none): for a worker
   * elsewhere to report the uploads it has in flight, as {@link #progressLogBytes}.
   */
  public Map<Integer, byte[]> multipartRecordBytes() throws IOException {
    Map<Integer, byte[]> records = new TreeMap<>();
    try (Stream<Path> files = TaskListing.entries(dir.resolve(MULTIPART_DIR))) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path file = it.next();
        int index = entryIndexOf(file);
        if (index >= 0) {
          try {
            records.put(index, Files.readAllBytes(file));
          } catch (NoSuchFileException e) {
            // the upload completed while we listed: no record any more
          }
        }
      }
    }
    return records;
  }

  /**
   * Replaces the multipart records with those a worker elsewhere reported ({@link
   * #multipartRecordBytes} of its copy), each file atomically, and deletes the others: {@code stat}
   * counts an object in flight by its record's confirmed parts, and {@code clean} aborts what the
   * records name.
   *
   * @throws IOException if a record does not start with its header (nothing is written then)
   */
  public void writeReportedUploads(Map<Integer, byte[]> records) throws IOException {
    for (byte[] record : records.values()) {
      requireHeader(record, MultipartRecord.HEADER);
    }
    for (Map.Entry<Integer, byte[]> e : records.entrySet()) {
      AtomicFiles.createDirectories(dir.resolve(MULTIPART_DIR));
      final byte[] record = e.getValue().clone();
      AtomicFiles.write(multipartFile(e.getKey()), out -> out.write(record));
    }
    try (Stream<Path> files = TaskListing.entries(dir.resolve(MULTIPART_DIR))) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path file = it.next();
        int index = entryIndexOf(file);
        if (index >= 0 && !records.containsKey(index)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** The entry index a multipart record's file name holds, or -1 if it is no record. */
  private static int entryIndexOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(MULTIPART_SUFFIX)) {
      return -1;
    }
    String digits = name.substring(0, name.length() - MULTIPART_SUFFIX.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  private static byte[] bytesOf(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
  }

  private void requireHeader(byte[] log, String header) throws IOException {
    byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
    if (log.length == 0) {
      return;
    }
    boolean matches = log.length >= expected.length;
    for (int i = 0; matches && i < expected.length; i++) {
      matches = log[i] == expected[i];
    }
    if (!matches) {
      throw new IOException(
          "the log reported for " + dir + " does not start with '" + header + "'; not written");
    }
  }

  private Path multipartFile(int entryIndex) {
    if (entryIndex < 0) {
      throw new IllegalArgumentException("entry index " + entryIndex + " is negative");
    }
    return dir.resolve(MULTIPART_DIR).resolve(entryIndex + MULTIPART_SUFFIX);
  }
}
