package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ForkedJvm;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An incremental round killed with -9 in the middle of its listing resumes, in a new JVM, from its
 * own checkpoint: every changed file is tasked exactly once in that round, none is lost.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class IncrementalCrashIT {
  private static final String INTERVAL = "-Dossimport.test.incrementalIntervalSeconds=";
  private static final int FILES = 40;
  private static final int CHANGED = 30;

  OssEmulator oss;
  private ImportFixture f;
  private JobTree tree;

  @BeforeEach
  void setUp() throws Exception {
    f.job.put("isIncremental", "true");
    f.job.put("incrementalModeInterval", "900");
    f.job.put("taskObjectCountLimit", "1");
    f.sys.put("workerTaskThreadNum", "4");
    long now = System.currentTimeMillis();
    for (int i = 0; i < FILES; i++) {
      String reference = "d" + (i % 10) + "/f" + i;
      f.file(reference, 10 + i % 50);
      // "Changed" files carry a time in the future, so that every round tasks them again however
      // the rounds fall; the others are an hour old, older than any round.
      long mtime = i < CHANGED ? now + 3_600_000 : now - 3_600_000;
      Files.setLastModifiedTime(f.src.resolve(reference), FileTime.fromMillis(mtime));
    }
    tree = new JobTree(f.work);
  }

  @Test
  void aRoundKilledMidListingResumesFromItsOwnCheckpoint() throws Exception {
    OssImport here = f.open();
    here.submit(f.jobFile());
    long killedAt;
    try (ForkedJvm first = fork(1)) {
      first.awaitLine("STARTED ", 60_000);
      killedAt = awaitRoundOneCheckpoint(first);
      first.kill();
    }
    JobRecord atKill = tree.readJob(ImportFixture.JOB);
    assertEquals(1, atKill.round());
    assertFalse(atKill.schedule().listingEnded(), "killed mid-listing");

    // no round 2 in this JVM: round 1 can be checked as it ends
    try (ForkedJvm second = fork(3600)) {
      second.awaitLine("STARTED ", 60_000);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      JobRecord r = tree.readJob(ImportFixture.JOB);
      while (!(r.schedule().listingEnded() && r.counters().objectsDone() == FILES + CHANGED)) {
        assertTrue(System.nanoTime() < deadline, "round 1 did not end:\n" + second.output());
        Thread.sleep(20);
        r = tree.readJob(ImportFixture.JOB);
      }
      assertEquals(1, r.round());
      assertEquals(FILES + CHANGED, r.counters().objectsTotal(), "totals over both rounds");
      assertTrue(second.output().contains("round 1: scan resumes after "), second.output());
      assertTrue(
          second.output().contains("round 1 listed: " + CHANGED + " objects"),
          "the whole round's count, before and after the kill: " + second.output());
      assertTrue(killedAt < FILES + CHANGED);
      assertTrue(here.stop(60_000));
      assertEquals(0, second.awaitExit(30_000), second.output());
    }

    Map<String, Integer> tasked = taskedReferences();
    for (int i = 0; i < FILES; i++) {
      String reference = "d" + (i % 10) + "/f" + i;
      assertEquals(
          Integer.valueOf(i < CHANGED ? 2 : 1), tasked.get(reference), reference + " tasked");
    }
    f.assertAllStored();
  }

  /** Waits until round 1 has a checkpoint past its first few tasks; returns its object count. */
  private long awaitRoundOneCheckpoint(ForkedJvm child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      assertTrue(System.nanoTime() < deadline, "round 1 never listed:\n" + child.output());
      try {
        Optional<Checkpoint> latest = tree.checkpoints(ImportFixture.JOB).latest(1);
        if (latest.isPresent() && latest.get().objects() >= FILES + 3) {
          return latest.get().objects();
        }
      } catch (NoSuchFileException e) {
        // the child deleted an older checkpoint while this process listed them: look again
      }
      Thread.sleep(2);
    }
  }

  private ForkedJvm fork(int intervalSeconds) throws Exception {
    List<String> sys = new ArrayList<>();
    for (Map.Entry<String, String> e : f.sys.entrySet()) {
      sys.add(e.getKey() + "=" + e.getValue());
    }
    return ForkedJvm.start(
        java.util.Arrays.asList("-Xmx256m", INTERVAL + intervalSeconds),
        "hold",
        ImportFixture.JOB,
        sys.toArray(new String[0]));
  }

  /** How often each source reference is in a task, over every finished task of the job. */
  private Map<String, Integer> taskedReferences() throws Exception {
    Map<String, Integer> count = new HashMap<>();
    for (TaskState state : new TaskState[] {TaskState.SUCCEED, TaskState.FAILED}) {
      List<TaskRef> refs = new ArrayList<>();
      try (Stream<TaskRef> tasks = tree.tasks(ImportFixture.JOB, state)) {
        Iterator<TaskRef> it = tasks.iterator();
        it.forEachRemaining(refs::add);
      }
      for (TaskRef ref : refs) {
        try (TaskFileReader entries = tree.openTask(ImportFixture.JOB, ref)) {
          for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
            count.merge(e.source(), 1, Integer::sum);
          }
        }
      }
    }
    assertEquals(Collections.emptyList(), pendingOrDispatched());
    return count;
  }

  private List<TaskRef> pendingOrDispatched() throws Exception {
    List<TaskRef> left = new ArrayList<>();
    for (TaskState state : new TaskState[] {TaskState.PENDING, TaskState.DISPATCHED}) {
      try (Stream<TaskRef> tasks = tree.tasks(ImportFixture.JOB, state)) {
        tasks.forEach(left::add);
      }
    }
    return left;
  }
}
