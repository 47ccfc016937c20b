package io.ossimport.core.jobtree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
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
    final byte[] progress = progressLog.clone();
    final byte[] audit = auditLog.clone();
    AtomicFiles.write(dir.resolve(JobTreeLayout.AUDIT_FILE), out -> out.write(audit));
    AtomicFiles.write(dir.resolve(PROGRESS_FILE), out -> out.write(progress));
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
