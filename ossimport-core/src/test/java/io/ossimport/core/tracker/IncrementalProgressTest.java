package io.ossimport.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.TaskProgress;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader kept across progress events reads only what the logs gained, and must report exactly
 * what a full read of the same files reports (the reference below is the former full read).
 */
class IncrementalProgressTest {
  private static final String JOB = "local_incremental";
  private static final String HEADER = "ossimport-progress 1"; // the progress log format, v1

  @TempDir Path temp;

  @Test
  void everyReadOfAKeptReaderEqualsAFullReadOfTheSameFiles() throws IOException {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    Random random = new Random(20261127L);
    List<TaskEntry> entries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      entries.add(entry("f" + i, random.nextInt(3) == 0 ? 0 : random.nextInt(1 << 20)));
    }
    TaskId id = tree.addTask(JOB, entries);
    tree.dispatch(JOB, id, Tracker.WORKER);
    Path log = tree.workerFiles(JOB, id).dir().resolve("progress.log");
    JobStatusReader kept = new JobStatusReader(tree);
    Files.createDirectories(log.getParent());
    append(log, HEADER + "\n");

    String pending = ""; // the unwritten rest of a line written in two pieces
    for (int step = 0; step < 300; step++) {
      String line = randomEvent(random, entries.size());
      if (random.nextInt(5) == 0) { // the worker is in the middle of a write
        int cut = 1 + random.nextInt(line.length() - 1);
        append(log, pending + line.substring(0, cut));
        pending = line.substring(cut);
      } else {
        append(log, pending + line);
        pending = "";
      }
      assertEquals(
          describe(fullRead(tree, id)), describe(runningProgress(kept.read(JOB))), "step " + step);
    }
  }

  @Test
  void aResumedWorkerThatCutATornTailIsFollowedWithoutLoss() throws IOException {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    TaskId id = tree.addTask(JOB, entries(4));
    tree.dispatch(JOB, id, Tracker.WORKER);
    JobStatusReader kept = new JobStatusReader(tree);
    try (ProgressLog log = tree.workerFiles(JOB, id).openProgressLog()) {
      log.begin(0);
      log.begin(1);
      log.failed(1, ReasonCode.NETWORK);
    }
    Path file = tree.workerFiles(JOB, id).dir().resolve("progress.log");
    append(file, "DONE\t0\t12"); // the worker died mid-line
    assertEquals(describe(fullRead(tree, id)), describe(runningProgress(kept.read(JOB))));

    try (ProgressLog log = tree.workerFiles(JOB, id).openProgressLog()) { // the resume
      log.begin(1); // a failed entry is tried again: it no longer counts as finished
      log.done(0, null, null);
    }
    TaskProgress resumed = runningProgress(kept.read(JOB));
    assertEquals(describe(fullRead(tree, id)), describe(resumed));
    assertEquals(1, resumed.doneObjects());
  }

  @Test
  void aLogThatShrinksIsCountedAgainFromItsStart() throws IOException {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    TaskId id = tree.addTask(JOB, entries(3));
    tree.dispatch(JOB, id, Tracker.WORKER);
    JobStatusReader kept = new JobStatusReader(tree);
    try (ProgressLog log = tree.workerFiles(JOB, id).openProgressLog()) {
      for (int i = 0; i < 3; i++) {
        log.begin(i);
        log.done(i, null, null);
      }
    }
    assertEquals(3, runningProgress(kept.read(JOB)).doneObjects());

    Path file = tree.workerFiles(JOB, id).dir().resolve("progress.log");
    Files.write(file, (HEADER + "\nDONE\t2\t-\t-\n").getBytes(StandardCharsets.UTF_8));

    TaskProgress after = runningProgress(kept.read(JOB));
    assertEquals(describe(fullRead(tree, id)), describe(after));
    assertEquals(1, after.doneObjects());
  }

  @Test
  void aCompletedTaskIsForgottenAndOnlyRunningTasksAreFollowed() throws IOException {
    JobTree tree = new JobTree(temp);
    tree.submit(JOB, "frozen");
    TaskId first = tree.addTask(JOB, entries(2));
    TaskId second = tree.addTask(JOB, entries(3));
    TaskId notStarted = tree.addTask(JOB, entries(1));
    JobStatusReader kept = new JobStatusReader(tree);
    for (TaskId id : new TaskId[] {first, second}) {
      tree.dispatch(JOB, id, Tracker.WORKER);
      try (ProgressLog log = tree.workerFiles(JOB, id).openProgressLog()) {
        log.begin(0);
        log.done(0, null, null);
      }
    }
    tree.dispatch(JOB, notStarted, Tracker.WORKER);
    assertEquals(2, kept.read(JOB).runningTaskProgress().size());
    assertEquals(2, kept.followedTasks(JOB));

    tree.complete(JOB, first, Tracker.WORKER, TaskOutcome.completed());
    JobStatus status = kept.read(JOB);

    assertEquals(1, status.runningTaskProgress().size());
    assertEquals(second.toString(), status.runningTaskProgress().get(0).taskId());
    assertEquals(1, kept.followedTasks(JOB));

    tree.complete(JOB, second, Tracker.WORKER, TaskOutcome.completed());
    kept.read(JOB);
    assertEquals(0, kept.followedTasks(JOB));
  }

  /** The progress the former full read computed: every TASK entry against the whole log. */
  private static TaskProgress fullRead(JobTree tree, TaskId id) throws IOException {
    RecordedProgress recorded = tree.workerFiles(JOB, id).readProgress();
    long totalObjects = 0;
    long totalBytes = 0;
    long doneObjects = 0;
    long doneBytes = 0;
    try (TaskFileReader entries =
        tree.openTask(JOB, new TaskRef(id, TaskState.DISPATCHED, Tracker.WORKER))) {
      for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
        long size = Math.max(0, e.size());
        RecordedProgress.EntryState state = recorded.entry((int) totalObjects).state();
        if (state == RecordedProgress.EntryState.DONE
            || state == RecordedProgress.EntryState.FAILED) {
          doneObjects++;
          doneBytes += size;
        }
        totalObjects++;
        totalBytes += size;
      }
    }
    return new TaskProgress(id.toString(), doneBytes, totalBytes, doneObjects, totalObjects);
  }

  private static String describe(TaskProgress p) {
    return p.taskId()
        + " "
        + p.doneObjects()
        + "/"
        + p.totalObjects()
        + " "
        + p.doneBytes()
        + "/"
        + p.totalBytes();
  }

  private static TaskProgress runningProgress(JobStatus status) {
    assertEquals(1, status.runningTaskProgress().size());
    return status.runningTaskProgress().get(0);
  }

  /** A progress line for an entry (sometimes past the TASK's end, which a read ignores). */
  private static String randomEvent(Random random, int entries) {
    int index = random.nextInt(entries + 2);
    switch (random.nextInt(3)) {
      case 0:
        return "BEGIN\t" + index + "\n";
      case 1:
        return "DONE\t" + index + "\t-\t-\n";
      default:
        return "FAILED\t" + index + "\tNETWORK\n";
    }
  }

  private static List<TaskEntry> entries(int n) {
    List<TaskEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(entry("e" + i, 10 + i));
    }
    return entries;
  }

  private static TaskEntry entry(String name, long size) {
    return TaskEntry.of(name, "backup/" + name, size, 1000);
  }

  private static void append(Path file, String text) throws IOException {
    Files.write(
        file,
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
