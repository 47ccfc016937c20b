package io.ossimport.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterTest {
  private static final String JOB = "local_test";

  @TempDir Path temp;
  private final EventLog events = new EventLog();

  @Test
  void theMasterCutsAQueuedJobIntoTasksAndFinishesItsScan() throws Exception {
    Path src = Files.createDirectories(temp.resolve("src"));
    for (int i = 0; i < 23; i++) {
      Files.write(
          Files.createDirectories(src.resolve("d" + (i % 4))).resolve("f" + i), new byte[i]);
    }
    Map<String, String> job = TestJobs.offlineJob(JOB, src);
    job.put("taskObjectCountLimit", "5");
    JobTree tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, TestJobs.frozen(job));
    AtomicInteger commits = new AtomicInteger();

    JobRecord record = runUntilScanned(tree, commits);

    assertTrue(record.scanFinished());
    assertEquals(23, record.counters().objectsTotal());
    assertEquals(253, record.counters().bytesTotal()); // 0 + 1 + ... + 22
    assertEquals(5, tree.countTasks(JOB, TaskState.PENDING));
    assertEquals(5, commits.get() - 1, "woken after each task and once at the end");
    try (Stream<String> queued = tree.queuedJobs()) {
      assertFalse(queued.findAny().isPresent(), "the queue entry goes with the finished scan");
    }
    assertFalse(
        events.messagesContaining("scan finished: 23 objects, 253 bytes in 5 tasks").isEmpty(),
        events.text());
  }

  @Test
  void entriesTheWorkerSkipsOrFailsAreCarriedIntoTasks() throws Exception {
    Path src = Files.createDirectories(temp.resolve("src"));
    Files.write(src.resolve("real.txt"), new byte[3]);
    Files.createSymbolicLink(src.resolve("link.txt"), src.resolve("real.txt"));
    JobTree tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, TestJobs.frozen(TestJobs.offlineJob(JOB, src)));

    JobRecord record = runUntilScanned(tree, new AtomicInteger());

    // the link is an entry of its own: the worker records it SKIPPED (SYMBOLIC_LINK_NOT_ALLOWED)
    assertEquals(2, record.counters().objectsTotal());
    assertEquals(3, record.counters().bytesTotal());
  }

  @Test
  void aSourceThatCannotBeListedPutsTheJobInAbort() throws Exception {
    Path src = Files.createDirectories(temp.resolve("src"));
    JobTree tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, TestJobs.frozen(TestJobs.offlineJob(JOB, src)));
    Files.delete(src);

    Master master = new Master(tree, events, () -> {});
    Thread t = new Thread(master);
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (tree.readJob(JOB).state() != JobState.Abort && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    master.stop();
    t.join(10_000);

    assertEquals(JobState.Abort, tree.readJob(JOB).state());
    assertFalse(
        events.messagesContaining("job Abort: its source cannot be listed").isEmpty(),
        events.text());
    assertTrue(
        tree.readJob(JOB).abortReason().startsWith("its source cannot be listed"),
        "stat shows why: " + tree.readJob(JOB).abortReason());
  }

  private JobRecord runUntilScanned(JobTree tree, AtomicInteger commits) throws Exception {
    Master master = new Master(tree, events, commits::incrementAndGet);
    Thread t = new Thread(master);
    t.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!tree.readJob(JOB).scanFinished() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      master.stop();
      t.join(10_000);
    }
    assertFalse(t.isAlive(), "the master stops");
    return tree.readJob(JOB);
  }
}
