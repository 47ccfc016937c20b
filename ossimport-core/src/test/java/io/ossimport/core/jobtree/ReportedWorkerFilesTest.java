package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker in another process (a Spark executor) reports its logs as bytes; the job tree's owner
 * writes them into the task's worker files, where the tracker and stat read them as their own.
 */
class ReportedWorkerFilesTest {
  private static final String JOB = "reported";

  @TempDir Path remoteDir;
  @TempDir Path driverDir;

  @Test
  void reportedLogsReadBackAsTheRemoteWorkerWroteThem() throws IOException {
    WorkerTaskFiles worker = remoteWorkerFiles();
    AuditRecord ok =
        new AuditRecord(
            Instant.parse("2026-12-07T10:00:00Z"), AuditResult.OK, null, 3, 7L, 1, 1, "a");
    try (ProgressLog progress = worker.openProgressLog();
        AuditLog audit = worker.openAuditLog()) {
      progress.begin(0);
      progress.done(0, 7L, "\"E\"");
      progress.begin(1);
      audit.append(ok);
    }

    WorkerTaskFiles files = driverFiles();
    assertFalse(files.exists());
    files.writeReported(worker.progressLogBytes(), worker.auditLogBytes());

    assertTrue(files.exists());
    RecordedProgress progress = files.readProgress();
    assertEquals(RecordedProgress.EntryState.DONE, progress.entry(0).state());
    assertEquals(7L, (long) progress.entry(0).crc64());
    assertEquals(RecordedProgress.EntryState.BEGUN, progress.entry(1).state());
    List<AuditRecord> audit = new ArrayList<>();
    files.readAudit(audit::add);
    assertEquals(Arrays.asList(ok), audit);
    assertArrayEquals(worker.progressLogBytes(), files.progressLogBytes());
  }

  @Test
  void aReportThatIsNoLogOfOursIsRefusedAndNothingIsWritten() throws IOException {
    WorkerTaskFiles files = driverFiles();
    byte[] notALog = "BEGIN\t0\n".getBytes(StandardCharsets.UTF_8);
    IOException e =
        assertThrows(IOException.class, () -> files.writeReported(notALog, new byte[0]));
    assertTrue(e.getMessage().contains("ossimport-progress 1"), e.getMessage());
    assertFalse(files.exists());
  }

  @Test
  void noLogsReadAsEmptyReports() throws IOException {
    WorkerTaskFiles files = driverFiles();
    assertEquals(0, files.progressLogBytes().length);
    assertEquals(0, files.auditLogBytes().length);
  }

  @Test
  void liveProgressAndUploadsReplaceWhatWasReportedBefore() throws IOException {
    WorkerTaskFiles worker = remoteWorkerFiles();
    try (ProgressLog progress = worker.openProgressLog();
        MultipartRecord upload = worker.openMultipartRecord(1)) {
      progress.begin(0);
      progress.begin(1);
      upload.startUpload("up-1", 4, "b");
      upload.partDone(1, "\"P1\"", null);
    }
    WorkerTaskFiles files = driverFiles();
    try (MultipartRecord stale = files.openMultipartRecord(0)) {
      stale.startUpload("up-0", 4, "a"); // a record of an earlier report: not in the new one
    }

    files.writeReportedProgress(worker.progressLogBytes());
    files.writeReportedUploads(worker.multipartRecordBytes());

    assertEquals(RecordedProgress.EntryState.BEGUN, files.readProgress().entry(1).state());
    assertEquals(null, files.readMultipart(0), "the record no longer reported is gone");
    MultipartState upload = files.readMultipart(1);
    assertEquals("up-1", upload.uploadId());
    assertEquals(1, upload.parts().size());

    try (ProgressLog progress = worker.openProgressLog()) {
      progress.done(1, null, null);
    }
    worker.deleteMultipartRecord(1);
    files.writeReportedProgress(worker.progressLogBytes());
    files.writeReportedUploads(worker.multipartRecordBytes());
    assertEquals(RecordedProgress.EntryState.DONE, files.readProgress().entry(1).state());
    assertEquals(null, files.readMultipart(1));
  }

  @Test
  void aReportedUploadThatIsNoRecordOfOursIsRefusedAndNothingIsWritten() throws IOException {
    WorkerTaskFiles files = driverFiles();
    byte[] notARecord = "PART\t1\t-\tE\n".getBytes(StandardCharsets.UTF_8);
    IOException e =
        assertThrows(
            IOException.class,
            () -> files.writeReportedUploads(java.util.Collections.singletonMap(0, notARecord)));
    assertTrue(e.getMessage().contains("ossimport-multipart 1"), e.getMessage());
    assertFalse(files.exists());
  }

  /** The files of a two-entry task (a: 3 bytes, b: 9) of the worker elsewhere. */
  private WorkerTaskFiles remoteWorkerFiles() throws IOException {
    JobTree remote = new JobTree(remoteDir);
    remote.submit(JOB, "# frozen\n");
    TaskId id =
        remote.addTask(
            JOB,
            Arrays.asList(TaskEntry.of("/src/a", "a", 3, 1), TaskEntry.of("/src/b", "b", 9, 1)));
    return remote.workerFiles(JOB, id);
  }

  /** The files of a one-entry task in the driver's tree, where nothing was written yet. */
  private WorkerTaskFiles driverFiles() throws IOException {
    JobTree driver = new JobTree(driverDir);
    driver.submit(JOB, "# frozen\n");
    TaskId id = driver.addTask(JOB, Arrays.asList(TaskEntry.of("/src/a", "a", 3, 1)));
    return driver.workerFiles(JOB, id);
  }
}
