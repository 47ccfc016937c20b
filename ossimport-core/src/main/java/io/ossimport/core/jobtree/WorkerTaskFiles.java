package io.ossimport.core.jobtree;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  private Path multipartFile(int entryIndex) {
    if (entryIndex < 0) {
      throw new IllegalArgumentException("entry index " + entryIndex + " is negative");
    }
    return dir.resolve(MULTIPART_DIR).resolve(entryIndex + MULTIPART_SUFFIX);
  }
}
