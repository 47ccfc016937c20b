package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clean} aborts the multipart uploads a job's worker files record and those open on the keys
 * of its unfinished tasks; a re-run Spark task those on its own keys.
 */
@ExtendWith(OssEmulatorExtension.class)
class OpenUploadsTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;
  final List<String> warnings = new ArrayList<>();

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

    int aborted = OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add);

    assertEquals(3, aborted);
    assertEquals(0, openUploads());
  }

  @Test
  void anUploadOssNoLongerKnowsCountsAsAborted() throws Exception {
    TaskId id = h.dispatch(h.entries("a.bin"));
    record(id, 0, "dest/a.bin", "0123456789ABCDEF0123456789ABCDEF");

    assertEquals(1, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add));
  }

  @Test
  void uploadsThatCannotBeAbortedAreNamedWithTheFix() throws Exception {
    TaskId id = h.dispatch(h.entries("a.bin"));
    record(id, 0, "dest/a.bin", initiate("dest/a.bin"));
    h.jobKeys.put("destSecretKey", WorkerHarness.SECRET_MARK);

    IOException e =
        assertThrows(
            IOException.class,
            () -> OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add));

    assertTrue(e.getMessage().contains("dest/a.bin"), e.getMessage());
    assertTrue(e.getMessage().contains("ACCESS_DENIED"), e.getMessage());
    assertTrue(!e.getMessage().contains(WorkerHarness.SECRET_MARK));
    assertEquals(1, openUploads());
  }

  @Test
  void aJobWithoutWorkerFilesHasNothingToAbort() throws Exception {
    assertEquals(0, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add));
  }

  @Test
  void uploadsNoRecordNamesAreAbortedOnTheKeysOfUnfinishedTasksOnly() throws Exception {
    h.file("d.bin", 10);
    TaskId dispatched = h.dispatch(h.entries("a.bin", "b.bin"));
    h.tree.addTask(WorkerHarness.JOB, h.entries("c.bin")); // pending (a dead driver's requeue)
    TaskId done = h.dispatch(h.entries("d.bin"));
    h.tree.complete(WorkerHarness.JOB, done, WorkerHarness.WORKER, TaskOutcome.completed());
    record(dispatched, 0, "dest/a.bin", initiate("dest/a.bin"));
    initiate("dest/a.bin"); // killed between InitiateMultipartUpload and its record
    initiate("dest/b.bin");
    initiate("dest/c.bin");
    initiate("dest/d.bin"); // on a succeeded task's key: not this job's to judge
    initiate("dest/e.bin"); // under the job's prefix, on no task's key
    initiate("other/a.bin"); // another job's prefix

    assertEquals(4, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add));

    assertEquals(Arrays.asList("dest/d.bin", "dest/e.bin", "other/a.bin"), openKeys());
    assertEquals(Collections.emptyList(), warnings);
  }

  @Test
  void aTaskFileThatCannotBeReadIsNamedAndTheOthersStillCleaned() throws Exception {
    TaskId broken = h.dispatch(h.entries("a.bin"));
    h.dispatch(h.entries("b.bin"));
    Files.write(
        h.tree
            .taskDirectory(
                WorkerHarness.JOB, new TaskRef(broken, TaskState.DISPATCHED, WorkerHarness.WORKER))
            .resolve("TASK"),
        "not a task\n".getBytes(StandardCharsets.UTF_8));
    initiate("dest/a.bin");
    initiate("dest/b.bin");

    assertEquals(1, OpenUploads.abortAll(h.tree, WorkerHarness.JOB, h.jobConfig(), warnings::add));

    assertEquals(Collections.singletonList("dest/a.bin"), openKeys());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("task " + broken), warnings.get(0));
    assertTrue(warnings.get(0).contains("not a TASK file"), warnings.get(0));
  }

  @Test
  void aReRunTaskAbortsTheUploadsOnItsOwnKeysAndOthersStay() throws Exception {
    for (String key : new String[] {"dest/a/1", "dest/a/2", "dest/a/2", "dest/a/3"}) {
      initiate(key);
    }
    List<TaskEntry> task =
        Arrays.asList(TaskEntry.of("a/1", "dest/a/1", 9, 1), TaskEntry.of("a/2", "dest/a/2", 9, 1));

    assertEquals(3, OpenUploads.abortOnKeys(h.jobConfig(), task));

    assertEquals(Collections.singletonList("dest/a/3"), openKeys());
  }

  @Test
  void theCommonPrefixStopsBeforeAHalfSurrogatePair() {
    assertEquals("backup/a/", OpenUploads.commonPrefix("backup/a/1", "backup/a/2"));
    assertEquals("x", OpenUploads.commonPrefix("x\uD83D\uDE00", "x\uD83D\uDE01"));
    assertEquals("", OpenUploads.commonPrefix("a", "b"));
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

  private List<String> openKeys() {
    List<String> keys = new ArrayList<>();
    for (MultipartUpload u :
        h.client
            .listMultipartUploads(new ListMultipartUploadsRequest(h.bucket))
            .getMultipartUploads()) {
      keys.add(u.getKey());
    }
    return keys;
  }

  private int openUploads() {
    return h.client
        .listMultipartUploads(new ListMultipartUploadsRequest(h.bucket))
        .getMultipartUploads()
        .size();
  }
}
