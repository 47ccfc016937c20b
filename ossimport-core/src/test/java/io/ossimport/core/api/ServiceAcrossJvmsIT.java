package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.ForkedJvm;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One service per working directory across processes, and a graceful stop from another one. */
class ServiceAcrossJvmsIT {
  @TempDir Path temp;

  @Test
  void aSecondStartInAnotherJvmIsRefusedAndStopReachesTheFirstOne() throws Exception {
    Path work = temp.resolve("work");
    OssImport here =
        OssImport.open(
            null,
            Collections.singletonMap("workingDir", work.toString()),
            Collections.<String, String>emptyMap(),
            new EventLog());
    here.submit(
        null,
        TestJobs.offlineJob("local_test", Files.createDirectories(temp.resolve("src"))),
        SubmitCheck.OFFLINE);

    try (ForkedJvm child =
        ForkedJvm.start(
            Collections.<String>emptyList(), "hold", "local_test", "workingDir=" + work)) {
      long pid = Long.parseLong(child.awaitLine("STARTED ", 60_000).substring(8));

      ServiceRunningException second = assertThrows(ServiceRunningException.class, here::start);
      assertEquals(pid, second.pid());
      assertEquals(work.resolve("master/.lock"), second.lockFile());
      assertTrue(second.getMessage().contains("PID " + pid), second.getMessage());
      assertEquals(pid, here.servicePid());
      assertThrows(ServiceRunningException.class, () -> here.clean("local_test"));

      assertTrue(here.stop(60_000), "the child saw the stop request and stopped");

      child.awaitLine("STOPPED", 10_000);
      assertEquals(0, child.awaitExit(30_000), child.output());
    }
    assertEquals(-1, here.servicePid());
    here.start().close();
  }
}
