package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLockTest {
  @TempDir Path workingDir;

  @Test
  void aSecondAcquisitionIsRefusedNamingTheLockFileAndThePid() throws IOException {
    JobTree tree = new JobTree(workingDir);
    try (ServiceLock lock = tree.lockService("service")) {
      WorkingDirLockedException e =
          assertThrows(WorkingDirLockedException.class, () -> tree.lockService("service"));
      assertTrue(e.getMessage().contains(lock.file().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("PID " + ServiceLock.currentPid()), e.getMessage());
      assertTrue(e.getMessage().contains("service"), e.getMessage());
      String content = new String(Files.readAllBytes(lock.file()), StandardCharsets.UTF_8);
      assertTrue(content.startsWith("pid=" + ServiceLock.currentPid() + "\n"), content);
    }
  }

  @Test
  void theLockIsSeenThroughAnyPathToTheSameDirectory() throws IOException {
    JobTree tree = new JobTree(workingDir);
    JobTree sameDir = new JobTree(workingDir.resolve("master/../."));
    assertFalse(tree.isServiceRunning());
    try (ServiceLock lock = tree.lockService("service")) {
      assertTrue(sameDir.isServiceRunning());
      assertThrows(WorkingDirLockedException.class, () -> sameDir.lockService("clean"));
      assertTrue(lock.isValid());
    }
    assertFalse(sameDir.isServiceRunning());
  }

  @Test
  void releasingTheLockLetsTheNextHolderIn() throws IOException {
    JobTree tree = new JobTree(workingDir);
    tree.lockService("service").close();
    try (ServiceLock again = tree.lockService("clean")) {
      assertTrue(again.isValid());
    }
    assertFalse(tree.isServiceRunning());
  }
}
