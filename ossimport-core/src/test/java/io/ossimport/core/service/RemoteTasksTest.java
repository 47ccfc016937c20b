package io.ossimport.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.jobtree.AuditLog;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import io.ossimport.core.tracker.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with its tasks run elsewhere (what the Spark driver does): the master scans, the
 * tracker dispatches and completes from the reports the remote runner writes into the worker files,
 * and this JVM's worker sends nothing (the destination here does not even listen).
 */
class RemoteTasksTest {
  @TempDir Path dir;

  @Test
  void tasksRunElsewhereCompleteIntoTheStandaloneTree() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 25; i++) {
      Files.write(src.resolve("f" + i), new byte[i + 1]);
    }
    Map<String, String> job = TestJobs.offlineJob("remote_job", src);
    job.put("taskObjectCountLimit", "10");
    Path jobFile = TestJobs.writeJobFile(dir.resolve("local_job.cfg"), job);
    Map<String, String> sys = new HashMap<>();
    sys.put("workingDir", dir.resolve("work").toString());
    EventLog events = new EventLog();
    OssImport ossimport = OssImport.open(null, sys, Collections.<String, String>emptyMap(), events);
    ossimport.submit(jobFile, Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);
    JobTree tree = new JobTree(ossimport.workingDir());
    ReportingRunner remote = new ReportingRunner(tree);

    try (ImportService service =
        ImportService.start(
            tree,
            new SysConfigLoader().load(sys, "test").config(),
            events,
            CredentialResolver.none(),
            remote)) {
      assertEquals(JobState.Succeed, service.awaitJob("remote_job", 60_000).state());
    }

    JobStatus status = ossimport.stat("remote_job");
    assertEquals(25, status.doneObjects());
    assertEquals(1, status.skippedObjects(), "the reported audit log's SKIPPED line is counted");
    assertEquals(3, status.succeedTasks());
    assertEquals(3, remote.ran.get());
    assertEquals(3, tree.countTasks("remote_job", TaskState.SUCCEED));
    for (TaskRef done : (Iterable<TaskRef>) tree.tasks("remote_job", TaskState.SUCCEED)::iterator) {
      assertTrue(
          Files.size(tree.taskDirectory("remote_job", done).resolve("audit.log")) > 0,
          "the reported audit log is the task's audit.log");
    }
  }

  /** Writes the logs a remote worker would report: every entry done, the first one skipped. */
  private static final class ReportingRunner implements RemoteTasks, TaskRunner {
    final JobTree tree;
    final AtomicInteger ran = new AtomicInteger();
    final AtomicInteger skippedOne = new AtomicInteger();

    ReportingRunner(JobTree tree) {
      this.tree = tree;
    }

    @Override
    public TaskRunner runner() {
      return this;
    }

    @Override
    public int tasksAtOnce() {
      return 2;
    }

    @Override
    public JobTasks openJob(final String jobName, JobConfig config) {
      return new JobTasks() {
        @Override
        public TaskOutcome run(TaskId id, String worker) throws IOException {
          ran.incrementAndGet();
          Path remote = Files.createTempDirectory("ossimport-remote-");
          JobTree elsewhere = new JobTree(remote);
          elsewhere.submit(jobName, "# frozen\n");
          WorkerTaskFiles files = elsewhere.workerFiles(jobName, id);
          try (TaskFileReader entries =
                  tree.openTask(jobName, new TaskRef(id, TaskState.DISPATCHED, worker));
              ProgressLog progress = files.openProgressLog();
              AuditLog audit = files.openAuditLog()) {
            for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
              int index = (int) entries.index();
              progress.done(index, null, null);
              boolean skip = skippedOne.getAndIncrement() == 0;
              audit.append(
                  new AuditRecord(
                      Instant.now(),
                      skip ? AuditResult.SKIPPED : AuditResult.OK,
                      skip ? ReasonCode.EXISTS : null,
                      e.size(),
                      null,
                      1,
                      1,
                      e.destination()));
            }
          }
          tree.workerFiles(jobName, id)
              .writeReported(files.progressLogBytes(), files.auditLogBytes());
          return TaskOutcome.completed();
        }

        @Override
        public void close() {}
      };
    }
  }
}
