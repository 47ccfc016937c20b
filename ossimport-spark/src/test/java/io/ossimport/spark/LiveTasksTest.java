package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AtomicFiles;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver writes a running task's snapshots into its worker files, never an earlier attempt's
 * over a later one's (a late heartbeat of a lost executor), and nothing once the task has ended.
 */
class LiveTasksTest {
  private static final String JOB = "live";

  @TempDir Path dir;
  private final LiveTasks live = new LiveTasks();
  private TaskId id;
  private WorkerTaskFiles files;

  /** A dispatched task of three entries, its worker files not yet written. */
  @BeforeEach
  void task() throws Exception {
    JobTree tree = new JobTree(dir.resolve("work"));
    tree.submit(JOB, "# frozen\n");
    id = tree.addTask(JOB, entries(3));
    files = tree.workerFiles(JOB, id);
  }

  @Test
  void aLaterAttemptsSnapshotIsNotReplacedByAnEarlierOnes() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);

    task.accept(snapshot(1, 1, Collections.singletonMap(1, 40L)));
    task.accept(snapshot(0, 3, Collections.<Integer, Long>emptyMap())); // the lost attempt's

    assertEquals(EntryState.DONE, files.readProgress().entry(0).state());
    assertEquals(EntryState.BEGUN, files.readProgress().entry(1).state(), "attempt 1's");
    assertEquals(Collections.singletonMap(1, 40L), live.of(JOB, id));

    task.accept(snapshot(1, 2, Collections.<Integer, Long>emptyMap()));
    assertEquals(EntryState.DONE, files.readProgress().entry(1).state());
    assertTrue(live.of(JOB, id).isEmpty());
  }

  @Test
  void nothingIsWrittenOnceTheTaskEnded() throws Exception {
    LiveTasks.LiveTask task = live.open(8, JOB, id, files);
    task.accept(snapshot(0, 1, Collections.singletonMap(1, 10L)));
    assertTrue(files.exists());

    live.close(task);
    AtomicFiles.deleteRecursively(files.dir()); // the task completed: its worker files went
    task.accept(snapshot(0, 2, Collections.<Integer, Long>emptyMap())); // a late heartbeat

    assertFalse(Files.exists(files.dir()), "no worker directory made again");
    assertTrue(live.of(JOB, id).isEmpty());
  }

  /** Entries 0 to {@code done - 1} done, entry {@code done} begun. */
  private LiveProgress snapshot(int attempt, int done, Map<Integer, Long> sending)
      throws Exception {
    Path file = Files.createTempFile(dir, "progress", ".log");
    Files.delete(file);
    try (ProgressLog log = ProgressLog.open(file)) {
      for (int i = 0; i < done; i++) {
        log.done(i, null, null);
      }
      log.begin(done);
    }
    return new LiveProgress(
        attempt, Files.readAllBytes(file), sending, Collections.<Integer, byte[]>emptyMap());
  }

  private static java.util.List<TaskEntry> entries(int n) {
    TaskEntry[] entries = new TaskEntry[n];
    for (int i = 0; i < n; i++) {
      entries[i] = TaskEntry.of("/src/" + i, "dest/" + i, 100, 1);
    }
    return Arrays.asList(entries);
  }
}
