package io.ossimport.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.api.RetryResult;
import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.NewTask;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retry} of a directory the scan could not list: the redo task holds the files below it once
 * it can be listed (the totals grow by them), or the directory entry again while it cannot. The
 * failed task is made directly in the tree, so this runs as root too (root lists any directory).
 */
class DirectoryRelistingTest {
  private static final String JOB = "relist";

  @TempDir Path temp;
  private Path src;
  private JobTree tree;

  @BeforeEach
  void setUp() throws Exception {
    src = Files.createDirectories(temp.resolve("src"));
    tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, TestJobs.frozen(TestJobs.offlineJob(JOB, src)));
  }

  @Test
  void aDirectoryThatCanBeListedNowIsReplacedByItsFilesAndTheTotalsGrow() throws Exception {
    Files.createDirectories(src.resolve("locked/deeper"));
    Files.write(src.resolve("locked/a.txt"), new byte[3]);
    Files.write(src.resolve("locked/deeper/b.txt"), new byte[5]);
    String prefix = TestJobs.offlineJob(JOB, src).get("destPrefix");
    failedScan(
        TaskEntry.of("done.txt", prefix + "done.txt", 7, 1), // uploaded: not redone
        TaskEntry.of("locked", prefix + "locked", 0, -1));

    RetryResult result = new JobRetry(tree, new EventLog()).retry(JOB);

    assertEquals(2, result.objectsToRedo());
    List<TaskEntry> redo = pendingEntries();
    assertEquals(
        Arrays.asList("locked/a.txt", "locked/deeper/b.txt"),
        redo.stream().map(TaskEntry::source).sorted().collect(Collectors.toList()));
    for (TaskEntry e : redo) {
      assertEquals(prefix + e.source(), e.destination());
      assertEquals(2, e.attempt());
    }
    assertEquals(3, tree.readJob(JOB).counters().objectsTotal(), "2 listed + 2 found - 1 dir");
    assertEquals(15, tree.readJob(JOB).counters().bytesTotal());
    assertEquals(3, tree.checkpoints(JOB).latest(0).get().objects(), "a start keeps them");
  }

  @Test
  void aDirectoryThatStillCannotBeListedIsRetriedAsItself() throws Exception {
    Files.write(src.resolve("locked"), new byte[1]); // not a directory: cannot be listed
    String prefix = TestJobs.offlineJob(JOB, src).get("destPrefix");
    failedScan(TaskEntry.of("locked", prefix + "locked", 0, -1));

    RetryResult result = new JobRetry(tree, new EventLog()).retry(JOB);

    assertEquals(1, result.objectsToRedo());
    assertEquals(
        Collections.singletonList(TaskEntry.of("locked", prefix + "locked", 0, -1).nextAttempt()),
        pendingEntries());
    assertEquals(1, tree.readJob(JOB).counters().objectsTotal());
  }

  /** A finished scan of {@code entries} in one task that failed with the last entry. */
  private void failedScan(TaskEntry... entries) throws Exception {
    long bytes = 0;
    TaskId id;
    try (NewTask task = tree.newTask(JOB)) {
      for (TaskEntry e : entries) {
        task.add(e);
        bytes += Math.max(0, e.size());
      }
      id = task.commit(tree.checkpoints(JOB), Checkpoint.of(0, "", 1, entries.length, bytes));
    }
    io.ossimport.core.tracker.JobCounting.syncTotals(tree, JOB);
    tree.finishScan(JOB);
    tree.dispatch(JOB, id, "localhost");
    TaskEntry last = entries[entries.length - 1];
    tree.complete(
        JOB,
        id,
        "localhost",
        TaskOutcome.of(
            Collections.singletonList(ErrorEntry.of(ReasonCode.UNREADABLE_DIRECTORY, last))));
  }

  private List<TaskEntry> pendingEntries() throws Exception {
    List<TaskEntry> out = new ArrayList<>();
    try (Stream<TaskRef> pending = tree.tasks(JOB, TaskState.PENDING)) {
      for (TaskRef t : (Iterable<TaskRef>) pending::iterator) {
        try (TaskFileReader r = tree.openTask(JOB, t)) {
          for (TaskEntry e = r.next(); e != null; e = r.next()) {
            out.add(e);
          }
        }
      }
    }
    return out;
  }
}
