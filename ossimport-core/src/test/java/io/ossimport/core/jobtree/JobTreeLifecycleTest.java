package io.ossimport.core.jobtree;

import static io.ossimport.core.jobtree.JobTrees.CONFIG;
import static io.ossimport.core.jobtree.JobTrees.JOB;
import static io.ossimport.core.jobtree.JobTrees.entries;
import static io.ossimport.core.jobtree.JobTrees.objects;
import static io.ossimport.core.jobtree.JobTrees.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ossimport.core.api.JobState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTreeLifecycleTest {
  @TempDir Path workingDir;
  JobTree tree;

  @BeforeEach
  void submit() throws IOException {
    tree = new JobTree(workingDir);
    tree.submit(JOB, CONFIG);
  }

  @Test
  void submitCreatesTheQueueEntryAndTheJobWithItsRecordAndFrozenConfig() throws IOException {
    Path job = workingDir.resolve("master/jobs/" + JOB);
    for (String d :
        new String[] {
          "checkpoints", "pending_tasks", "dispatched", "succeed_tasks", "failed_tasks"
        }) {
      assertTrue(Files.isDirectory(job.resolve(d)), d);
    }
    assertTrue(Files.isDirectory(workingDir.resolve("master/jobqueue/" + JOB)));
    assertEquals(CONFIG, tree.readFrozenConfig(JOB));
    JobRecord record = tree.readJob(JOB);
    assertEquals(JobState.Running, record.state());
    assertFalse(record.scanFinished());
    assertEquals(0, record.round());
    assertEquals("sha256:" + hex(sha256(CONFIG)), record.configDigest());
    assertEquals(Arrays.asList(JOB), list(tree.jobs()));
    assertEquals(Arrays.asList(JOB), list(tree.queuedJobs()));
  }

  @Test
  void frozenConfigHoldingSecretsIsOwnerOnly() throws IOException {
    Path config = workingDir.resolve("master/jobs/" + JOB + "/job.cfg");
    assumeTrue(config.getFileSystem().supportedFileAttributeViews().contains("posix"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    assertFalse(tree.readJob(JOB).toString().contains("secret-xyz"));
  }

  @Test
  void submitOfAnExistingNameIsRefusedWithAdviceToClean() throws IOException {
    JobExistsException e = assertThrows(JobExistsException.class, () -> tree.submit(JOB, "x=1"));
    assertTrue(e.getMessage().contains("cannot be submitted"), e.getMessage());
    assertTrue(e.getMessage().contains(JOB), e.getMessage());
    assertEquals(CONFIG, tree.readFrozenConfig(JOB));

    tree.finishScan(JOB); // no queue entry any more: the job directory alone still refuses
    assertThrows(JobExistsException.class, () -> tree.submit(JOB, "x=1"));
  }

  @Test
  void submitRefusesANameThatIsNotASafePathSegment() {
    for (String bad : new String[] {"", "../x", "a/b", ".hidden", "a b", "a@b"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tree.submit(bad, CONFIG));
      assertTrue(e.getMessage().contains("job name"), e.getMessage());
    }
  }

  @Test
  void addTaskNamesItByTheMd5OfItsTaskFileAndTheTime() throws IOException {
    long before = System.currentTimeMillis();
    TaskId id = tree.addTask(JOB, objects("f", 3));
    Path task = workingDir.resolve("master/jobs/" + JOB + "/pending_tasks/" + id + "/TASK");
    assertEquals(
        hex(md5(Files.readAllBytes(task))).toUpperCase(java.util.Locale.ROOT), id.contentHash());
    assertTrue(id.millis() >= before && id.millis() <= System.currentTimeMillis());
    assertTrue(id.toString().matches("[0-9A-F]{32}_[0-9]{13}"));
    assertEquals(objects("f", 3), entries(tree, JOB, new TaskRef(id, TaskState.PENDING, null)));
  }

  @Test
  void identicalTasksInTheSameMillisecondGetDistinctIds() throws IOException {
    JobTree frozen =
        new JobTree(
            workingDir, java.time.Clock.fixed(Instant.ofEpochMilli(5), java.time.ZoneOffset.UTC));
    TaskId a = frozen.addTask(JOB, objects("same", 2));
    TaskId b = frozen.addTask(JOB, objects("same", 2));
    assertEquals(a.contentHash(), b.contentHash());
    assertEquals(a.millis() + 1, b.millis());
    assertEquals(2, tree.countTasks(JOB, TaskState.PENDING));
  }

  @Test
  void anUncommittedTaskNeverAppearsAndClosingDiscardsIt() throws IOException {
    try (NewTask task = tree.newTask(JOB)) {
      task.add(TaskEntry.of("a", "a", 1, 1));
      assertEquals(0, tree.countTasks(JOB, TaskState.PENDING));
    }
    assertEquals(
        Collections.emptyList(),
        AtomicFilesTest.names(workingDir.resolve("master/jobs/" + JOB + "/pending_tasks")));
  }

  @Test
  void dispatchMovesAPendingTaskToItsWorker() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 2));
    tree.dispatch(JOB, id, "localhost");
    assertEquals(
        Arrays.asList(new TaskRef(id, TaskState.DISPATCHED, "localhost")),
        tasks(tree, JOB, TaskState.DISPATCHED));
    assertTrue(
        Files.exists(
            workingDir.resolve("master/jobs/" + JOB + "/dispatched/localhost/" + id + "/TASK")));
    assertEquals(0, tree.countTasks(JOB, TaskState.PENDING));
    JobTreeException twice =
        assertThrows(JobTreeException.class, () -> tree.dispatch(JOB, id, "localhost"));
    assertTrue(twice.getMessage().contains("not pending"), twice.getMessage());
  }

  @Test
  void completeWritesTheSeedsFilesIntoSucceedTasksAndRemovesTheInFlightState() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 2));
    tree.dispatch(JOB, id, "localhost");
    WorkerTaskFiles worker = tree.workerFiles(JOB, id);
    AuditRecord line =
        new AuditRecord(
            Instant.parse("2024-05-01T08:00:00Z"), AuditResult.OK, null, 100, 42L, 7, 1, "dest/f0");
    try (AuditLog audit = worker.openAuditLog();
        ProgressLog progress = worker.openProgressLog()) {
      audit.append(line);
      progress.begin(0);
    }

    TaskRef done = tree.complete(JOB, id, "localhost", TaskOutcome.completed());

    assertEquals(new TaskRef(id, TaskState.SUCCEED, "localhost"), done);
    Path dir = workingDir.resolve("master/jobs/" + JOB + "/succeed_tasks/" + id + "@localhost");
    assertEquals(
        Arrays.asList("DONE", "STATUS", "TASK", "audit.log", "error.list"),
        AtomicFilesTest.names(dir));
    assertEquals("Completed\n", read(dir.resolve("STATUS")));
    assertEquals(0, Files.size(dir.resolve("DONE")));
    assertEquals(0, Files.size(dir.resolve("error.list")));
    assertEquals(TaskStatus.COMPLETED, tree.readStatus(JOB, done));
    List<AuditRecord> audit = new ArrayList<>();
    tree.readAudit(JOB, done, audit::add);
    assertEquals(Arrays.asList(line), audit);
    assertEquals(objects("f", 2), entries(tree, JOB, done));
    assertFalse(worker.exists());
    assertEquals(new TaskCounts(0, 0, 1, 0), tree.countTasks(JOB));
  }

  @Test
  void completeWithFailuresGoesToFailedTasksWithItsErrorList() throws IOException {
    List<TaskEntry> entries = objects("f", 3);
    TaskId id = tree.addTask(JOB, entries);
    tree.dispatch(JOB, id, "localhost");
    List<ErrorEntry> errors =
        Arrays.asList(ErrorEntry.of(ReasonCode.SIZE_NOT_MATCH, entries.get(1)));

    TaskRef failed = tree.complete(JOB, id, "localhost", TaskOutcome.of(errors));

    assertEquals(TaskState.FAILED, failed.state());
    assertEquals(TaskStatus.FAILED, tree.readStatus(JOB, failed));
    assertEquals(errors, tree.readErrors(JOB, failed));
    assertEquals(new TaskCounts(0, 0, 0, 1), tree.countTasks(JOB));
    JobTreeException again =
        assertThrows(
            JobTreeException.class,
            () -> tree.complete(JOB, id, "localhost", TaskOutcome.completed()));
    assertTrue(again.getMessage().contains("not dispatched"), again.getMessage());
  }

  @Test
  void retryRedoesOnlyTheFailedObjectsWithTheirAttemptCountRaised() throws IOException {
    List<TaskEntry> entries = objects("f", 4);
    TaskId id = tree.addTask(JOB, entries);
    TaskId good = tree.addTask(JOB, objects("g", 2));
    runTo(
        id,
        TaskOutcome.of(
            Arrays.asList(
                ErrorEntry.of(ReasonCode.NETWORK, entries.get(0)),
                ErrorEntry.of(ReasonCode.SOURCE_NOT_FOUND, entries.get(3)))));
    runTo(good, TaskOutcome.completed());

    RetryReport report = tree.retry(JOB);

    assertEquals(1, report.tasks());
    assertEquals(2, report.objects());
    List<TaskRef> pending = tasks(tree, JOB, TaskState.PENDING);
    assertEquals(1, pending.size());
    TaskId redo = pending.get(0).id();
    assertFalse(redo.contentHash().equals(id.contentHash()));
    assertEquals(
        Arrays.asList(entries.get(0).nextAttempt(), entries.get(3).nextAttempt()),
        entries(tree, JOB, pending.get(0)));
    assertEquals(new TaskCounts(1, 0, 1, 0), tree.countTasks(JOB));
    assertFalse(Files.exists(tree.taskDirectory(JOB, pending.get(0)).resolve("ORIGIN")));

    runTo(redo, TaskOutcome.of(Arrays.asList(ErrorEntry.of(ReasonCode.NETWORK, entries.get(0)))));
    tree.retry(JOB);
    List<TaskRef> third = tasks(tree, JOB, TaskState.PENDING);
    assertEquals(
        Arrays.asList(new TaskEntry("f0", "dest/f0", 100, 1_600_000_000_000L, 3)),
        entries(tree, JOB, third.get(0)));
  }

  @Test
  void retryOfAFailedTaskWithoutAnErrorListRedoesTheWholeTask() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 3));
    runTo(id, TaskOutcome.failed(Collections.<ErrorEntry>emptyList()));
    assertEquals(3, tree.retry(JOB).objects());
    assertEquals(
        objects("f", 3).stream().map(TaskEntry::nextAttempt).collect(Collectors.toList()),
        entries(tree, JOB, tasks(tree, JOB, TaskState.PENDING).get(0)));
  }

  @Test
  void cleanRemovesEveryTraceOfTheJobSoItCanBeSubmittedAgain() throws IOException {
    TaskId id = tree.addTask(JOB, objects("f", 1));
    tree.dispatch(JOB, id, "localhost");
    try (ProgressLog p = tree.workerFiles(JOB, id).openProgressLog()) {
      p.begin(0);
    }
    assertTrue(tree.clean(JOB));
    assertFalse(tree.jobExists(JOB));
    assertEquals(Collections.emptyList(), AtomicFilesTest.names(workingDir.resolve("master/jobs")));
    assertEquals(
        Collections.emptyList(), AtomicFilesTest.names(workingDir.resolve("master/jobqueue")));
    assertEquals(Collections.emptyList(), AtomicFilesTest.names(workingDir.resolve("worker/jobs")));
    assertFalse(tree.clean(JOB));
    tree.submit(JOB, "new config");
    assertEquals("new config", tree.readFrozenConfig(JOB));
  }

  @Test
  void cleanIsRefusedWhileTheServiceHoldsTheLock() throws IOException {
    try (ServiceLock service = tree.lockService("service")) {
      WorkingDirLockedException e =
          assertThrows(WorkingDirLockedException.class, () -> tree.clean(JOB));
      assertTrue(e.getMessage().contains(service.file().toString()), e.getMessage());
    }
    assertTrue(tree.jobExists(JOB));
    assertTrue(tree.clean(JOB));
  }

  @Test
  void finishScanAndStartRoundKeepTheQueueEntryInStepWithTheRecord() throws IOException {
    assertTrue(tree.finishScan(JOB).scanFinished());
    assertEquals(Collections.emptyList(), list(tree.queuedJobs()));
    JobRecord next = tree.startRound(JOB, 1);
    assertEquals(1, next.round());
    assertFalse(next.scanFinished());
    assertEquals(Arrays.asList(JOB), list(tree.queuedJobs()));
  }

  @Test
  void updateJobRewritesTheRecordAtomically() throws IOException {
    JobCounters counters = new JobCounters(10, 1000, 7, 700, 1, 100, 2, 200);
    Instant finish = Instant.parse("2024-05-01T09:00:00Z");
    tree.updateJob(
        JOB, r -> r.withCounters(counters).withState(JobState.Failed).withFinishTime(finish));
    JobRecord record = tree.readJob(JOB);
    assertEquals(counters, record.counters());
    assertEquals(JobState.Failed, record.state());
    assertEquals(finish, record.finishTime());
    assertNull(record.startTime());
  }

  @Test
  void countingStreamsTheDirectoryAndSkipsLeftovers() throws IOException {
    // Counting reads names only: directories made by hand stand in for 500 real tasks.
    Path pendingDir = workingDir.resolve("master/jobs/" + JOB + "/pending_tasks");
    for (int i = 0; i < 500; i++) {
      Files.createDirectory(
          pendingDir.resolve(String.format("%032X_%d", i, 1_700_000_000_000L + i)));
    }
    Files.createDirectory(pendingDir.resolve(".tmp-task-x"));
    Files.createDirectory(pendingDir.resolve(".staged-" + String.format("%032X_1", 1)));
    for (int i = 0; i < 3; i++) {
      tree.dispatch(
          JOB, tree.addTask(JOB, objects("t" + i + "-", 1)), i == 0 ? "10.0.0.2" : "localhost");
    }
    assertEquals(new TaskCounts(500, 3, 0, 0), tree.countTasks(JOB));
    try (Stream<TaskRef> pending = tree.tasks(JOB, TaskState.PENDING)) {
      assertEquals(TaskState.PENDING, pending.findFirst().get().state());
    }
    assertEquals(
        2,
        tasks(tree, JOB, TaskState.DISPATCHED).stream()
            .filter(t -> t.worker().equals("localhost"))
            .count());
  }

  private void runTo(TaskId id, TaskOutcome outcome) throws IOException {
    tree.dispatch(JOB, id, "localhost");
    tree.complete(JOB, id, "localhost", outcome);
  }

  private static List<String> list(Stream<String> s) {
    try (Stream<String> closing = s) {
      return closing.collect(Collectors.toList());
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      b.append(String.format("%02x", x));
    }
    return b.toString();
  }
}
