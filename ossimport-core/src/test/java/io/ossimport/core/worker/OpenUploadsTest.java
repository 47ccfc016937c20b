package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code clean} aborts the multipart uploads a job's worker files record. */
@ExtendWith(OssEmulatorExtension.class)
class OpenUploadsTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    h.file("a.bin", 10);
    h.file("b.bin", 10);
    h.file("c.bin", 10);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void abortAllLeavesNoUploadInProgress() throws Exception {
    TaskId first = h.dispatch(h.entries("a.bin", "b.bin"));
    TaskId second = h.dispatch(h.entries("c.bin"));
    record(first, 0, "dest/a.bin", initiate("dest/a.bin"));
    record(first, 1, "dest/b.bin", initiate("dest/b.bin"));
    record(second, 0, "dest/c.bin", initiate("dest/c.bin"));
    assertEquals(3, openUploads());

    int aborted = OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig());

    assertEquals(3, aborted);
    assertEquals(0, openUploads());
  }

  @Test
  void anUploadOssNoLongerKnowsCountsAsAborted() throws Exception {
    TaskId id = h.dispatch(h.entries("a.bin"));
    record(id, 0, "dest/a.bin", "0123456789ABCDEF0123456789ABCDEF");

    assertEquals(1, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig()));
  }

  @Test
  void uploadsThatCannotBeAbortedAreNamedWithTheFix() throws Exception {
    TaskId id = h.dispatch(h.entries("a.bin"));
    record(id, 0, "dest/a.bin", initiate("dest/a.bin"));
    h.jobKeys.put("destSecretKey", WorkerHarness.SECRET_MARK);

    IOException e =
        assertThrows(
            IOException.class,
            () -> OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig()));

    assertTrue(e.getMessage().contains("dest/a.bin"), e.getMessage());
    assertTrue(e.getMessage().contains("ACCESS_DENIED"), e.getMessage());
    assertTrue(!e.getMessage().contains(WorkerHarness.SECRET_MARK));
    assertEquals(1, openUploads());
  }

  @Test
  void aJobWithoutWorkerFilesHasNothingToAbort() throws Exception {
    assertEquals(0, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig()));
  }

  private String initiate(String key) {
    return h.client
        .initiateMultipartUpload(new InitiateMultipartUploadRequest(h.bucket, key))
        .getUploadId();
  }

  private void record(TaskId id, int index, String key, String uploadId) throws IOException {
    try (MultipartRecord r = h.files(id).openMultipartRecord(index)) {
      r.startUpload(uploadId, 300 * 1024, key);
    }
  }

  private int openUploads() {
    return h.client
        .listMultipartUploads(new ListMultipartUploadsRequest(h.bucket))
        .getMultipartUploads()
        .size();
  }
}
