package io.ossimport.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.RoundSchedule;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's side of incremental mode: rounds, the mtime filter, per-round checkpoints. */
class IncrementalRoundsTest {
  private static final String JOB = "local_test";
  private static final long HOUR = 3_600_000;

  @TempDir Path temp;
  private final EventLog events = new EventLog();
  private Path src;
  private JobTree tree;

  @BeforeEach
  void setUp() throws Exception {
    System.setProperty(IncrementalRounds.TEST_INTERVAL_PROPERTY, "1");
    src = Files.createDirectories(temp.resolve("src"));
    for (int i = 0; i < 6; i++) {
      old("d/f" + i);
    }
    tree = new JobTree(temp.resolve("work"));
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(IncrementalRounds.TEST_INTERVAL_PROPERTY);
  }

  @Test
  void aRoundTasksOnlyObjectsNewOrChangedSinceThePreviousRoundBeganAndTheScanNeverFinishes()
      throws Exception {
    submit("2");

    JobRecord first = runUntil(r -> r.schedule() != null && r.schedule().listingEnded(), null);

    assertEquals(0, first.round());
    assertFalse(first.scanFinished(), "an incremental scan is never finished");
    assertEquals(null, first.schedule().modifiedSince(), "the first pass takes everything");
    assertEquals(first.schedule().started().plusSeconds(1), first.schedule().nextRound());
    assertEquals(6, first.counters().objectsTotal());
    try (Stream<String> queued = tree.queuedJobs()) {
      assertTrue(queued.anyMatch(JOB::equals), "the job stays queued for its next round");
    }

    write("d/f1", "changed");
    write("new/n", "new file");
    JobRecord second = runUntil(r -> r.round() == 1 && r.schedule().listingEnded(), null);

    assertEquals(
        first.schedule().started().minusMillis(IncrementalRounds.MTIME_SLACK_MILLIS),
        second.schedule().modifiedSince());
    List<String> tasked = taskedReferences();
    assertEquals(8, tasked.size(), tasked.toString());
    assertEquals(2, Collections.frequency(tasked, "d/f1"), "changed: tasked again");
    assertEquals(1, Collections.frequency(tasked, "new/n"));
    assertEquals(1, Collections.frequency(tasked, "d/f2"), "unchanged: not tasked again");
    assertEquals(8, second.counters().objectsTotal(), "totals add up over the rounds");
    assertEquals(6 * 4 + "changed".length() + "new file".length(), second.counters().bytesTotal());
    assertEquals(Arrays.asList("1"), checkpointRounds(), "only the newest round is kept");
    assertFalse(
        events.messagesContaining("round 1 listed: 2 objects").isEmpty(), events.everything());
  }

  @Test
  void aRoundStoppedMidListingResumesFromItsOwnCheckpoint() throws Exception {
    submit("1");
    JobRecord first = runUntil(r -> r.schedule() != null && r.schedule().listingEnded(), null);
    for (int i = 0; i < 4; i++) {
      write("d/f" + i, "changed " + i);
    }

    AtomicInteger roundOneCommits = new AtomicInteger();
    JobRecord stopped =
        runUntil(
            r -> r.round() == 1 && roundOneCommits.get() > 0,
            master -> {
              try {
                if (tree.readJob(JOB).round() == 1 && roundOneCommits.incrementAndGet() == 1) {
                  master.stop(); // the listing stops at its next object, mid-round
                }
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
    assertEquals(1, stopped.round());
    assertFalse(stopped.schedule().listingEnded(), "stopped mid-round");
    assertEquals(7, taskedReferences().size());
    RoundSchedule interrupted = stopped.schedule();

    JobRecord resumed = runUntil(r -> r.round() == 1 && r.schedule().listingEnded(), null);

    assertEquals(interrupted.started(), resumed.schedule().started(), "the same round resumed");
    List<String> tasked = taskedReferences();
    assertEquals(10, tasked.size(), tasked.toString());
    for (int i = 0; i < 6; i++) {
      assertEquals(i < 4 ? 2 : 1, Collections.frequency(tasked, "d/f" + i), "d/f" + i);
    }
    assertEquals(10, resumed.counters().objectsTotal());
    assertFalse(
        events.messagesContaining("round 1: scan resumes after 7 objects in 7 tasks").isEmpty(),
        events.everything());
    assertTrue(first.schedule().nextRound().compareTo(resumed.schedule().started()) <= 0);
  }

  private void submit(String countLimit) throws Exception {
    Map<String, String> job = TestJobs.offlineJob(JOB, src);
    job.put("isIncremental", "true");
    job.put("incrementalModeInterval", "900");
    job.put("taskObjectCountLimit", countLimit);
    tree.submit(JOB, TestJobs.frozen(job));
  }

  /** Runs a master until the JOB record passes {@code done}; {@code onCommit} sees each commit. */
  private JobRecord runUntil(
      Predicate<JobRecord> done, java.util.function.Consumer<Master> onCommit) throws Exception {
    AtomicReference<Master> self = new AtomicReference<>();
    Master master =
        new Master(
            tree,
            events,
            () -> {
              if (onCommit != null) {
                onCommit.accept(self.get());
              }
            });
    self.set(master);
    Thread t = new Thread(master);
    t.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!done.test(tree.readJob(JOB)) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      master.stop();
      t.join(10_000);
    }
    assertFalse(t.isAlive(), "the master stops");
    JobRecord record = tree.readJob(JOB);
    assertTrue(done.test(record), record.toString());
    return record;
  }

  private List<String> taskedReferences() throws Exception {
    List<String> references = new ArrayList<>();
    try (Stream<TaskRef> tasks = tree.tasks(JOB, TaskState.PENDING)) {
      Iterator<TaskRef> it = tasks.iterator();
      while (it.hasNext()) {
        try (TaskFileReader entries = tree.openTask(JOB, it.next())) {
          for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
            references.add(e.source());
          }
        }
      }
    }
    return references;
  }

  private List<String> checkpointRounds() throws Exception {
    try (Stream<Path> rounds = Files.list(tree.jobDirectory(JOB).resolve("checkpoints"))) {
      return rounds.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /** A source file last modified an hour ago: older than any round of the test. */
  private void old(String reference) throws Exception {
    Path file = write(reference, reference);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - HOUR));
  }

  private Path write(String reference, String content) throws Exception {
    Path file = src.resolve(reference);
    Files.createDirectories(file.getParent());
    return Files.write(file, content.getBytes("UTF-8"));
  }
}
