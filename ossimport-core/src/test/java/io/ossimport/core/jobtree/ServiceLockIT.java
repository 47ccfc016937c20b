package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service lock across two JVMs: the second start is refused, with the holder's PID. */
class ServiceLockIT {
  @TempDir Path workingDir;

  @Test
  void aLockHeldByAnotherJvmIsRefusedWithItsPidUntilThatJvmLetsGo() throws Exception {
    JobTree tree = new JobTree(workingDir);
    tree.submit("local_test", "x=1");
    Process child = start("hold");
    try {
      BufferedReader out = reader(child);
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("LOCKED "), String.valueOf(line));
      String childPid = line.substring("LOCKED ".length());

      WorkingDirLockedException e =
          assertThrows(WorkingDirLockedException.class, () -> tree.lockService("service"));
      assertTrue(e.getMessage().contains("PID " + childPid), e.getMessage());
      assertTrue(e.getMessage().contains(workingDir.resolve("master/.lock").toString()));
      assertTrue(tree.isServiceRunning());
      assertThrows(WorkingDirLockedException.class, () -> tree.clean("local_test"));
      assertTrue(tree.jobExists("local_test"));

      child.getOutputStream().close();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertFalse(tree.isServiceRunning());
    try (ServiceLock lock = tree.lockService("service")) {
      assertTrue(lock.isValid());
    }
  }

  @Test
  void checkingTheLockInTheHoldingJvmDoesNotReleaseIt() throws Exception {
    JobTree tree = new JobTree(workingDir);
    try (ServiceLock lock = tree.lockService("service")) {
      assertTrue(tree.isServiceRunning());
      assertThrows(WorkingDirLockedException.class, () -> tree.lockService("clean"));
      assertTrue(new JobTree(workingDir).isServiceRunning());
      assertTrue(lock.isValid());

      Process child = start("try");
      String line = reader(child).readLine();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(3, child.exitValue(), String.valueOf(line));
      assertTrue(
          line.startsWith("REFUSED ") && line.contains("PID " + ServiceLock.currentPid()), line);
    }
  }

  @Test
  void anotherProcessAskingWhetherTheServiceRunsNeverMakesAStartFail() throws Exception {
    // Asking takes the lock for an instant; a start that tries at that instant must wait for the
    // asker to let go, not be refused as if a service ran.
    JobTree tree = new JobTree(workingDir);
    tree.lockService("service").close(); // the lock file exists, so the child probes it
    Process child = start("probe");
    try {
      assertEquals("PROBING", reader(child).readLine());
      for (int i = 0; i < 300; i++) {
        try (ServiceLock lock = tree.lockService("service")) {
          assertTrue(lock.isValid());
        }
      }
    } finally {
      child.getOutputStream().write('\n');
      child.getOutputStream().close();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
  }

  private Process start(String mode) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ServiceLockChild.class.getName(),
            mode,
            workingDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static BufferedReader reader(Process child) {
    return new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }
}
