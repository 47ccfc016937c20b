package io.ossimport.core.jobtree;

import static io.ossimport.core.jobtree.JobTrees.JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service needs of the tree beyond the task lifecycle. */
class ServiceSupportTest {
  @TempDir Path workingDir;

  @Test
  void requeueSendsADispatchedTaskBackToPendingWithItsWorkerProgress() throws Exception {
    JobTree tree = new JobTree(workingDir);
    tree.submit(JOB, JobTrees.CONFIG);
    TaskId id = tree.addTask(JOB, JobTrees.objects("o", 2));
    tree.dispatch(JOB, id, "localhost");
    try (ProgressLog log = tree.workerFiles(JOB, id).openProgressLog()) {
      log.done(0, null, null);
    }

    tree.requeue(JOB, id, "localhost");

    assertEquals(1, tree.countTasks(JOB, TaskState.PENDING));
    assertEquals(0, tree.countTasks(JOB, TaskState.DISPATCHED));
    assertEquals(
        RecordedProgress.EntryState.DONE,
        tree.workerFiles(JOB, id).readProgress().entry(0).state());
    assertThrows(JobTreeException.class, () -> tree.requeue(JOB, id, "localhost"));
  }

  @Test
  void aStopRequestIsAFileAnyProcessCanSee() throws Exception {
    JobTree tree = new JobTree(workingDir);
    assertFalse(tree.isStopRequested());

    tree.requestStop();
    assertTrue(new JobTree(workingDir).isStopRequested());

    tree.clearStopRequest();
    assertFalse(tree.isStopRequested());
  }

  @Test
  void theLockHoldersPidAndALockedRefusalCarryTheLockFile() throws Exception {
    JobTree tree = new JobTree(workingDir);
    assertEquals(-1, tree.servicePid());
    try (ServiceLock lock = tree.lockService("service")) {
      long pid = Long.parseLong(ServiceLock.currentPid());
      assertEquals(pid, tree.servicePid());
      WorkingDirLockedException e =
          assertThrows(WorkingDirLockedException.class, () -> tree.lockService("clean"));
      assertEquals(pid, e.pid());
      assertEquals(tree.lockFile(), e.lockFile());
    }
    assertEquals(-1, tree.servicePid());
  }

  @Test
  void cleanUnderAHeldLockRemovesTheJob() throws Exception {
    JobTree tree = new JobTree(workingDir);
    tree.submit(JOB, JobTrees.CONFIG);
    try (ServiceLock lock = tree.lockService("clean")) {
      assertTrue(tree.clean(JOB, lock));
    }
    assertFalse(tree.jobExists(JOB));
  }
}
