package io.ossimport.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.StatReport;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStatusReaderTest {
  private static final String JOB = "local_test";

  @TempDir Path temp;

  @Test
  void statShowsTaskCountsPerStateAndTheProgressOfRunningTasks() throws Exception {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    tree.addTask(JOB, Arrays.asList(entry("p", 1)));
    TaskId waiting = tree.addTask(JOB, Arrays.asList(entry("w", 1)));
    tree.dispatch(JOB, waiting, "localhost"); // dispatched, the worker has not begun
    TaskId running =
        tree.addTask(JOB, Arrays.asList(entry("a", 100), entry("b", 50), entry("c", 7)));
    tree.dispatch(JOB, running, "localhost");
    try (ProgressLog log = tree.workerFiles(JOB, running).openProgressLog()) {
      log.begin(0);
      log.done(0, 1L, "etag");
      log.begin(1);
      log.failed(1, ReasonCode.NETWORK);
      log.begin(2);
    }
    TaskId done = tree.addTask(JOB, Arrays.asList(entry("d", 1)));
    tree.dispatch(JOB, done, "localhost");
    tree.complete(JOB, done, "localhost", TaskOutcome.completed());
    tree.updateJob(
        JOB, r -> r.withCounters(new JobCounters(6, 160, 1, 1, 0, 0, 0, 0)).withScanFinished(true));

    JobStatus status = new JobStatusReader(tree).read(JOB);

    String text = StatReport.text(Collections.singletonList(status));
    assertEquals(
        "-------------- job stats ---------------\n"
            + "---------------- job stat ------------------\n"
            + "JobName:local_test\n"
            + "JobState:Running\n"
            + "PendingTasks:1\n"
            + "DispatchedTasks:2\n"
            + "RunningTasks:1\n"
            + "SucceedTasks:1\n"
            + "FailedTasks:0\n"
            + "ScanFinished:true\n"
            + "TotalObjects:6\n"
            + "DoneObjects:1\n"
            + "SkippedObjects:0\n"
            + "FailedObjects:0\n"
            + "Progress:151/160 bytes, 3/6 objects (94%)\n"
            + "RunningTasks Progress:\n"
            + running
            + ":150/157 2/3\n"
            + "----------------------------------------\n",
        text);
    assertEquals(JobState.Running, status.state());
    assertEquals(6, status.totalObjects());
    assertEquals(160, status.totalBytes());
  }

  @Test
  void aKeptReaderReadsAJobCleanedAndSubmittedAgainAsANewReaderDoes() throws Exception {
    JobTree tree = new JobTree(temp);
    JobStatusReader kept = new JobStatusReader(tree); // as Operations keeps one for stat
    tree.submit(JOB, "frozen");
    TaskId first = tree.addTask(JOB, Arrays.asList(entry("a", 100), entry("b", 50)));
    tree.dispatch(JOB, first, "localhost");
    try (ProgressLog log = tree.workerFiles(JOB, first).openProgressLog()) {
      log.begin(0);
      log.done(0, 1L, "etag");
    }
    kept.read(JOB);
    tree.clean(JOB);
    tree.submit(JOB, "frozen");
    TaskId second = tree.addTask(JOB, Arrays.asList(entry("c", 7)));
    tree.dispatch(JOB, second, "localhost");
    try (ProgressLog log = tree.workerFiles(JOB, second).openProgressLog()) {
      log.begin(0);
    }

    String keptText = StatReport.text(Collections.singletonList(kept.read(JOB)));

    assertEquals(
        StatReport.text(Collections.singletonList(new JobStatusReader(tree).read(JOB))), keptText);
    assertEquals(true, keptText.contains(second + ":0/7 0/1\n"), keptText);
  }

  @Test
  void everyJobIsReadInNameOrder() throws Exception {
    JobTree tree = new JobTree(temp);
    tree.submit("zeta", "frozen");
    tree.submit("alpha", "frozen");

    assertEquals(
        Arrays.asList("alpha", "zeta"),
        Arrays.asList(
            new JobStatusReader(tree).readAll().get(0).jobName(),
            new JobStatusReader(tree).readAll().get(1).jobName()));
  }

  @Test
  void anObjectInFlightCountsItsUploadedPartsAtOnceAndWhatTheLiveWorkerSent() throws Exception {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    TaskId task = tree.addTask(JOB, Arrays.asList(entry("small", 10), entry("big", 50)));
    tree.dispatch(JOB, task, "localhost");
    WorkerTaskFiles files = tree.workerFiles(JOB, task);
    try (ProgressLog log = files.openProgressLog()) {
      log.begin(0);
      log.done(0, 1L, "etag");
      log.begin(1);
    }
    try (MultipartRecord record = files.openMultipartRecord(1)) {
      record.startUpload("upload-1", 16, "big");
      record.partDone(1, "e1", 1L);
      record.partDone(4, "e4", 4L); // the last part: 50 - 3 * 16 = 2 bytes
    }

    JobStatus fromTheTree = new JobStatusReader(tree).read(JOB);
    assertEquals(10 + 16 + 2, fromTheTree.runningTaskProgress().get(0).doneBytes());
    assertEquals(1, fromTheTree.runningTaskProgress().get(0).doneObjects());
    assertEquals(28, fromTheTree.progressBytes());

    Map<Integer, Long> live = new HashMap<>();
    live.put(1, 37L);
    live.put(0, 999L); // finished in the log: its own size counts, not a stale live number
    JobStatusReader withWorker = new JobStatusReader(tree, (job, id) -> live);
    assertEquals(10 + 37, withWorker.read(JOB).progressBytes());
    live.put(1, 80L);
    assertEquals(10 + 50, withWorker.read(JOB).progressBytes(), "never more than the object");
  }

  private static TaskEntry entry(String name, long size) {
    return TaskEntry.of(name, "backup/" + name, size, 1000);
  }
}
