package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of sys.properties travels to the executors: the worker's keys, not the SSH login. */
class WorkerSysKeysTest {
  @TempDir Path dir;

  @Test
  void theWorkerKeysTravelAndTheLoginAndTheMastersKeysDoNot() throws Exception {
    Path sys =
        Files.write(
            dir.resolve("sys.properties"),
            Arrays.asList(
                "workingDir=/data/ossimport/work",
                "workerTaskThreadNum=60",
                "workerMaxThroughput(KB/s)=2048",
                "workerThroughputTimetable=08:00,512;19:00,off",
                "slaveAbortWhenUncatchedException=false",
                "workerUserName=root",
                "workerPassword=secret",
                "slavePassword=secret",
                "javaHeapMaxSize=1024m"),
            StandardCharsets.UTF_8);

    Map<String, String> expected = new TreeMap<>();
    expected.put("workerTaskThreadNum", "60");
    expected.put("workerMaxThroughput(KB/s)", "2048");
    expected.put("workerThroughputTimetable", "08:00,512;19:00,off");
    expected.put("slaveAbortWhenUncatchedException", "false");
    assertEquals(expected, WorkerSysKeys.of(sys));
  }

  @Test
  void noSystemFileIsNoKeys() throws Exception {
    assertEquals(0, WorkerSysKeys.of(null).size());
  }
}
