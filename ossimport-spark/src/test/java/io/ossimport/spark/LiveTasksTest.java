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
import io.ossimport.core.testkit.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver writes a running task's snapshots into its worker files, never an earlier attempt's
 * over a later one's (a late heartbeat of a lost executor), and nothing once the task has ended;
 * from a writer thread of its own, so Spark's listener bus never waits for a disk.
 */
class LiveTasksTest {
  private static final String JOB = "live";

  @TempDir Path dir;
  private final Writes writes = new Writes();
  private final EventLog events = new EventLog();
  private final LiveTasks live = new LiveTasks(events, writes);
  private JobTree tree;
  private TaskId id;
  private WorkerTaskFiles files;

  /** A dispatched task of three entries, its worker files not yet written. */
  @BeforeEach
  void task() throws Exception {
    tree = new JobTree(dir.resolve("work"));
    tree.submit(JOB, "# frozen\n");
    id = tree.addTask(JOB, entries(3));
    files = tree.workerFiles(JOB, id);
  }

  @AfterEach
  void stop() {
    writes.release();
    live.close();
  }

  @Test
  void aLaterAttemptsSnapshotIsNotReplacedByAnEarlierOnes() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);

    task.accept(snapshot(1, 1, Collections.singletonMap(1, 40L)));
    live.awaitWrites();
    task.accept(snapshot(0, 3, Collections.<Integer, Long>emptyMap())); // the lost attempt's
    live.awaitWrites();

    assertEquals(1, writes.count(), "the lost attempt's is not written");
    assertEquals(EntryState.DONE, files.readProgress().entry(0).state());
    assertEquals(EntryState.BEGUN, files.readProgress().entry(1).state(), "attempt 1's");
    assertEquals(Collections.singletonMap(1, 40L), live.of(JOB, id));

    task.accept(snapshot(1, 2, Collections.<Integer, Long>emptyMap()));
    live.awaitWrites();
    assertEquals(EntryState.DONE, files.readProgress().entry(1).state());
    assertTrue(live.of(JOB, id).isEmpty());
  }

  @Test
  void anEarlierAttemptsSnapshotDoesNotReplaceALaterOnesStillPending() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);
    writes.blockFirst();
    task.accept(snapshot(1, 0, Collections.<Integer, Long>emptyMap()));
    writes.awaitBlocked();

    task.accept(snapshot(2, 1, Collections.singletonMap(1, 20L))); // pending
    task.accept(snapshot(1, 2, Collections.<Integer, Long>emptyMap())); // a late heartbeat
    writes.release();
    live.awaitWrites();

    assertEquals(2, writes.count());
    assertEquals(EntryState.DONE, files.readProgress().entry(0).state());
    assertEquals(EntryState.BEGUN, files.readProgress().entry(1).state(), "attempt 2's");
    assertEquals(Collections.singletonMap(1, 20L), live.of(JOB, id));
  }

  @Test
  void theListenerReturnsWithoutWritingAndSnapshotsCoalesce() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);
    writes.blockFirst();
    task.accept(snapshot(0, 0, Collections.singletonMap(0, 1L)));
    writes.awaitBlocked(); // the writer is in its first write, held

    long start = System.nanoTime();
    for (long sent = 2; sent <= 50; sent++) {
      task.accept(snapshot(0, 1, Collections.singletonMap(1, sent)));
    }
    task.accept(snapshot(0, 2, Collections.singletonMap(2, 99L)));
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertTrue(tookMs < 5_000, "the listener waited for the writer: " + tookMs + " ms");
    assertEquals(1, writes.count(), "only the write held has begun");
    assertEquals(Collections.singletonMap(2, 99L), live.of(JOB, id), "bytes in flight at once");

    writes.release();
    live.awaitWrites();
    assertEquals(2, writes.count(), "the held one, then the newest of the fifty after it");
    assertEquals(EntryState.DONE, files.readProgress().entry(1).state());
    assertEquals(EntryState.BEGUN, files.readProgress().entry(2).state(), "the newest");
  }

  @Test
  void theTaskEndWaitsForAWriteInProgressAndDropsThePendingOne() throws Exception {
    final LiveTasks.LiveTask task = heldWithOnePending();
    endsOnceTheHeldWriteDid(() -> live.close(task), "the task's end");
    files.writeReportedProgress(
        snapshot(0, 3, Collections.<Integer, Long>emptyMap()).progressLog());
    live.awaitWrites();

    assertEquals(1, writes.count(), "the pending snapshot was dropped");
    assertEquals(EntryState.DONE, files.readProgress().entry(2).state(), "the end's report");
  }

  @Test
  void nothingIsWrittenOnceTheTaskEnded() throws Exception {
    LiveTasks.LiveTask task = live.open(8, JOB, id, files);
    task.accept(snapshot(0, 1, Collections.singletonMap(1, 10L)));
    live.awaitWrites();
    assertTrue(files.exists());

    live.close(task);
    AtomicFiles.deleteRecursively(files.dir()); // the task completed: its worker files went
    task.accept(snapshot(0, 2, Collections.<Integer, Long>emptyMap())); // a late heartbeat
    live.awaitWrites();

    assertFalse(Files.exists(files.dir()), "no worker directory made again");
    assertTrue(live.of(JOB, id).isEmpty());
  }

  @Test
  void aFailingWriteIsLoggedOnceAndOtherTasksAreStillWritten() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);
    writes.failFor(files);
    for (int done = 0; done < 3; done++) {
      task.accept(snapshot(0, done, Collections.<Integer, Long>emptyMap()));
      live.awaitWrites();
    }
    assertEquals(3, writes.count(), "each heartbeat's tried");
    List<String> warnings = events.messagesContaining("live progress could not be written");
    assertEquals(1, warnings.size(), events.text());
    assertTrue(warnings.get(0).contains("task " + id), warnings.get(0));
    assertTrue(warnings.get(0).contains(files.dir().toString()), warnings.get(0));
    assertTrue(warnings.get(0).contains("disk full"), warnings.get(0));
    assertEquals("disk full", task.failure().getMessage());

    TaskId other = tree.addTask(JOB, entries(2));
    WorkerTaskFiles otherFiles = tree.workerFiles(JOB, other);
    live.open(8, JOB, other, otherFiles)
        .accept(snapshot(0, 1, Collections.<Integer, Long>emptyMap()));
    live.awaitWrites();
    assertTrue(live.writerAlive());
    assertEquals(EntryState.DONE, otherFiles.readProgress().entry(0).state());
  }

  @Test
  void theWriterStopsWithTheDriver() throws Exception {
    LiveTasks.LiveTask task = heldWithOnePending();
    endsOnceTheHeldWriteDid(live::close, "the driver's end");

    assertFalse(live.writerAlive());
    task.accept(snapshot(0, 3, Collections.<Integer, Long>emptyMap()));
    Thread.sleep(100);
    assertEquals(1, writes.count(), "nothing written after the driver's end");
    assertEquals(EntryState.BEGUN, files.readProgress().entry(1).state());
  }

  /** The task, its first snapshot (entry 0 done) being written, held; the next pending. */
  private LiveTasks.LiveTask heldWithOnePending() throws Exception {
    LiveTasks.LiveTask task = live.open(7, JOB, id, files);
    writes.blockFirst();
    task.accept(snapshot(0, 1, Collections.<Integer, Long>emptyMap()));
    writes.awaitBlocked();
    task.accept(snapshot(0, 2, Collections.<Integer, Long>emptyMap())); // pending
    return task;
  }

  /** {@code end} runs until the held write is let go, and then returns. */
  private void endsOnceTheHeldWriteDid(Runnable end, String what) throws InterruptedException {
    Thread thread = new Thread(end, "end");
    thread.start();
    thread.join(300);
    assertTrue(thread.isAlive(), what + " did not wait for the write in progress");
    writes.release();
    thread.join(10_000);
    assertFalse(thread.isAlive(), what + " did not return once the write was done");
  }

  /** The worker files' writes, counted; the first can be held, those of one task can fail. */
  private static final class Writes implements LiveTasks.SnapshotWriter {
    private final AtomicInteger count = new AtomicInteger();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean block;
    private volatile WorkerTaskFiles failing;

    @Override
    public void write(WorkerTaskFiles files, LiveProgress progress) throws IOException {
      if (count.incrementAndGet() == 1 && block) {
        blocked.countDown();
        try {
          released.await();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      if (files == failing) {
        throw new IOException("disk full");
      }
      LiveTasks.FILES.write(files, progress);
    }

    void blockFirst() {
      block = true;
    }

    void awaitBlocked() throws InterruptedException {
      assertTrue(blocked.await(10, TimeUnit.SECONDS), "the writer never wrote");
    }

    void release() {
      released.countDown();
    }

    void failFor(WorkerTaskFiles files) {
      failing = files;
    }

    int count() {
      return count.get();
    }
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
