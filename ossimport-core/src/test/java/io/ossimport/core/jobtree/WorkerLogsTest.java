package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerLogsTest {
  @TempDir Path dir;

  @Test
  void progressLogRecordsTheLastEventOfEachEntry() throws IOException {
    Path file = dir.resolve("progress.log");
    try (ProgressLog log = ProgressLog.open(file)) {
      log.begin(0);
      log.done(0, -1L, "\"ETAG 0\"");
      log.begin(1);
      log.begin(2);
      log.failed(2, ReasonCode.SOURCE_NOT_FOUND);
    }
    RecordedProgress progress = ProgressLog.read(file);
    assertEquals(RecordedProgress.EntryState.DONE, progress.entry(0).state());
    assertEquals(-1L, (long) progress.entry(0).crc64()); // 2^64-1 unsigned survives
    assertEquals("\"ETAG 0\"", progress.entry(0).etag());
    assertEquals(RecordedProgress.EntryState.BEGUN, progress.entry(1).state());
    assertEquals(ReasonCode.SOURCE_NOT_FOUND, progress.entry(2).reason());
    assertEquals(RecordedProgress.EntryState.NOT_STARTED, progress.entry(3).state());
    assertEquals(1, progress.count(RecordedProgress.EntryState.DONE));
    assertFalse(progress.hadTornTail());
  }

  @Test
  void aTornLastLineIsIgnoredAndCutOffBeforeTheNextAppend() throws IOException {
    Path file = dir.resolve("progress.log");
    try (ProgressLog log = ProgressLog.open(file)) {
      log.begin(0);
      log.done(0, 7L, "e0");
      log.begin(1);
    }
    append(file, "DONE\t1\t12"); // the process died in the middle of this line

    RecordedProgress torn = ProgressLog.read(file);
    assertTrue(torn.hadTornTail());
    assertEquals(RecordedProgress.EntryState.DONE, torn.entry(0).state());
    assertEquals(RecordedProgress.EntryState.BEGUN, torn.entry(1).state());

    try (ProgressLog log = ProgressLog.open(file)) {
      log.done(1, 8L, "e1");
    }
    RecordedProgress repaired = ProgressLog.read(file);
    assertFalse(repaired.hadTornTail());
    assertEquals("e1", repaired.entry(1).etag());
    assertEquals(
        "ossimport-progress 1\nBEGIN\t0\nDONE\t0\t7\te0\nBEGIN\t1\nDONE\t1\t8\te1\n", read(file));
  }

  @Test
  void garbageAfterAPowerLossIsATornTailToo() throws IOException {
    Path file = dir.resolve("progress.log");
    try (ProgressLog log = ProgressLog.open(file)) {
      log.begin(0);
    }
    append(file, "\u0000\u0000\u0000\n\u0000\u0000");
    assertTrue(ProgressLog.read(file).hadTornTail());
    try (ProgressLog log = ProgressLog.open(file)) {
      log.done(0, null, null);
    }
    RecordedProgress progress = ProgressLog.read(file);
    assertEquals(RecordedProgress.EntryState.DONE, progress.entry(0).state());
    assertNull(progress.entry(0).crc64());
    assertNull(progress.entry(0).etag());
  }

  @Test
  void aTornHeaderReadsAsAnEmptyLogAndIsRewritten() throws IOException {
    Path file = dir.resolve("progress.log");
    Files.write(file, "ossimport-pro".getBytes(StandardCharsets.UTF_8));
    assertEquals(RecordedProgress.EntryState.NOT_STARTED, ProgressLog.read(file).entry(0).state());
    try (ProgressLog log = ProgressLog.open(file)) {
      log.begin(4);
    }
    assertEquals("ossimport-progress 1\nBEGIN\t4\n", read(file));
  }

  @Test
  void multipartRecordResumesTheLatestUploadWithItsParts() throws IOException {
    Path file = dir.resolve("3.mpu");
    try (MultipartRecord record = MultipartRecord.open(file)) {
      record.startUpload("old-upload", 1 << 20, "dest/big file");
      record.partDone(1, "x", 1L);
      record.startUpload("upload\tid", 8 << 20, "dest/big file");
      record.partDone(1, "etag-1", 11L);
      record.partDone(2, "etag-2", null);
    }
    append(file, "PART\t3\t33"); // torn
    MultipartState state = MultipartRecord.read(file);
    assertEquals("upload\tid", state.uploadId());
    assertEquals(8 << 20, state.partSize());
    assertEquals("dest/big file", state.destinationKey());
    assertEquals(Arrays.asList(1, 2), new ArrayList<>(state.parts().keySet()));
    assertEquals("etag-1", state.parts().get(1).etag());
    assertEquals(11L, (long) state.parts().get(1).crc64());
    assertNull(state.parts().get(2).crc64());
    assertNull(MultipartRecord.read(dir.resolve("missing.mpu")));
  }

  @Test
  void workerFilesListTheOpenMultipartUploadsOfATask() throws IOException {
    WorkerTaskFiles files = new WorkerTaskFiles(dir.resolve("task"));
    assertFalse(files.exists());
    try (MultipartRecord a = files.openMultipartRecord(0);
        MultipartRecord b = files.openMultipartRecord(7)) {
      a.startUpload("u0", 100 << 10, "k0");
      b.startUpload("u7", 100 << 10, "k7");
    }
    files.deleteMultipartRecord(0);
    try (Stream<MultipartState> uploads = files.multipartUploads()) {
      assertEquals(
          Arrays.asList("u7"), uploads.map(MultipartState::uploadId).collect(Collectors.toList()));
    }
    assertEquals("k7", files.readMultipart(7).destinationKey());
  }

  @Test
  void auditLogLinesCarryEveryFieldWithTheKeyLast() throws IOException {
    Path file = dir.resolve("audit.log");
    AuditRecord ok =
        new AuditRecord(
            Instant.parse("2024-05-01T08:00:00.123Z"),
            AuditResult.OK,
            null,
            1048576,
            Long.parseUnsignedLong("15981274012712349811"),
            35,
            1,
            "photos/a b\tc.jpg");
    AuditRecord failed =
        new AuditRecord(
            Instant.parse("2024-05-01T08:00:01Z"),
            AuditResult.FAILED,
            ReasonCode.SIZE_NOT_MATCH,
            10,
            null,
            3,
            2,
            "中文/%.txt");
    try (AuditLog log = AuditLog.open(file)) {
      log.append(ok);
      log.append(failed);
    }
    assertEquals(
        "ossimport-audit 1\n"
            + "2024-05-01T08:00:00.123Z\tOK\t-\t1048576\t15981274012712349811\t35\t1\tphotos/a b%09c.jpg\n"
            + "2024-05-01T08:00:01Z\tFAILED\tSIZE_NOT_MATCH\t10\t-\t3\t2\t中文/%25.txt\n",
        read(file));
    List<AuditRecord> back = new ArrayList<>();
    assertFalse(AuditLog.read(file, back::add));
    assertEquals(Arrays.asList(ok, failed), back);
  }

  @Test
  void errorListIsEmptyWithoutErrorsAndRoundTripsNastyNames() throws IOException {
    Path empty = dir.resolve("empty.list");
    try (OutputStream out = Files.newOutputStream(empty)) {
      ErrorList.write(new ArrayList<ErrorEntry>(), out);
    }
    assertEquals(0, Files.size(empty));
    assertTrue(ErrorList.read(empty).isEmpty());

    List<ErrorEntry> errors = new ArrayList<>();
    for (String name : NameCodecTest.NASTY_NAMES) {
      errors.add(new ErrorEntry(ReasonCode.INVALID_KEY, name, "/" + name));
    }
    Path file = dir.resolve("error.list");
    try (OutputStream out = Files.newOutputStream(file)) {
      ErrorList.write(errors, out);
    }
    assertTrue(
        read(file)
            .startsWith("ossimport-errors 1\nINVALID_KEY\tplain/name.txt\t/plain/name.txt\n"));
    assertEquals(errors, ErrorList.read(file));
  }

  @Test
  void failureLinesAddTheServersCodeMessageAndRequestIdAfterTheOriginalColumns()
      throws IOException {
    Path file = dir.resolve("audit.log");
    FailureCause cause =
        FailureCause.of("NoSuchBucket", "The specified\tbucket\r\ndoes not exist.", "5F00AB");
    AuditRecord failed =
        new AuditRecord(
            Instant.parse("2024-05-01T08:00:01Z"),
            AuditResult.FAILED,
            ReasonCode.NO_SUCH_BUCKET,
            10,
            null,
            3,
            1,
            "a/b.txt",
            cause);
    try (AuditLog log = AuditLog.open(file)) {
      log.append(failed);
    }
    append(file, "2024-05-01T08:00:02Z\tFAILED\tNETWORK\t10\t-\t3\t2\told/line.txt\n");
    assertEquals(
        "ossimport-audit 1\n"
            + "2024-05-01T08:00:01Z\tFAILED\tNO_SUCH_BUCKET\t10\t-\t3\t1\ta/b.txt"
            + "\tNoSuchBucket\tThe specified bucket  does not exist.\t5F00AB\n"
            + "2024-05-01T08:00:02Z\tFAILED\tNETWORK\t10\t-\t3\t2\told/line.txt\n",
        read(file));
    List<AuditRecord> back = new ArrayList<>();
    assertFalse(AuditLog.read(file, back::add), "the old eight-field line is no torn tail");
    assertEquals(failed, back.get(0));
    assertEquals("5F00AB", back.get(0).cause().requestId());
    assertTrue(back.get(1).cause().isEmpty());

    Path list = dir.resolve("error.list");
    List<ErrorEntry> errors =
        Arrays.asList(
            new ErrorEntry(ReasonCode.NO_SUCH_BUCKET, "a/b.txt", "x/a/b.txt", cause),
            new ErrorEntry(
                ReasonCode.NETWORK,
                "c.txt",
                "x/c.txt",
                FailureCause.of("ConnectException", "Connection refused", null)));
    try (OutputStream out = Files.newOutputStream(list)) {
      ErrorList.write(errors, out);
    }
    append(list, "SOURCE_NOT_FOUND\told.txt\tx/old.txt\n");
    assertEquals(
        "ossimport-errors 1\n"
            + "NO_SUCH_BUCKET\ta/b.txt\tx/a/b.txt\tNoSuchBucket\tThe specified bucket  does not"
            + " exist.\t5F00AB\n"
            + "NETWORK\tc.txt\tx/c.txt\tConnectException\tConnection refused\t-\n"
            + "SOURCE_NOT_FOUND\told.txt\tx/old.txt\n",
        read(list));
    List<ErrorEntry> read = ErrorList.read(list);
    assertEquals(cause, read.get(0).cause());
    assertEquals("", read.get(1).cause().requestId());
    assertEquals(FailureCause.NONE, read.get(2).cause());
    assertEquals("old.txt", read.get(2).source());
  }

  @Test
  void aFailureMessageIsOneBoundedLine() {
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      longText.append("line ").append(i).append('\n');
    }
    FailureCause c = FailureCause.of("X", longText.toString(), "r");
    assertEquals(FailureCause.MAX_MESSAGE, c.message().length());
    assertFalse(c.message().contains("\n"), c.message());
    assertEquals(FailureCause.NONE, FailureCause.of(null, " ", "-"));
  }

  private static void append(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
