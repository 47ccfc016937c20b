package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bandwidth keys of sys.properties change a running service (issue 15, item 4): a job capped so
 * low that it would take minutes finishes once the operator edits the file, with no restart. How
 * fast the change takes effect is measured in bench/, not here: the deadline below only has to be
 * far shorter than the capped run would take.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class LiveThroughputTest {
  private static final int OBJECTS = 16;
  private static final int SIZE = 64 * 1024; // 1 MiB in all: 128 s at 8 KB/s
  private static final long DEADLINE_MILLIS = 60_000;

  OssEmulator oss;
  private ImportFixture f;

  @BeforeEach
  void setUp() throws Exception {
    for (int i = 0; i < OBJECTS; i++) {
      f.file("capped/" + i, SIZE);
    }
  }

  @Test
  void liftingWorkerMaxThroughputInTheFileFinishesTheJobWithoutARestart() throws Exception {
    f.sys.put("workerMaxThroughput(KB/s)", "8");

    runCappedThenEdit("workerMaxThroughput(KB/s)", "0");

    assertTrue(
        f.events.text().contains("bandwidth cap now unlimited (workerMaxThroughput(KB/s)=0)"),
        f.events.text());
  }

  @Test
  void aTimetableCapsFromTheStartAndAnEditedTimetableLiftsIt() throws Exception {
    f.sys.put("workerThroughputTimetable", "00:00,8");

    runCappedThenEdit("workerThroughputTimetable", "00:00,off");

    String log = f.events.text();
    assertTrue(
        log.contains("bandwidth cap now 8 KB/s (workerThroughputTimetable entry 00:00,8)"), log);
    assertTrue(
        log.contains("bandwidth cap now unlimited (workerThroughputTimetable entry 00:00,off)"),
        log);
  }

  private void runCappedThenEdit(String key, String value) throws Exception {
    Path sysFile = writeSys();
    OssImport ossimport =
        OssImport.open(sysFile, Collections.<String, String>emptyMap(), emptyEnv(), f.events);
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    try (RunningService service = ossimport.start()) {
      Thread.sleep(1500);
      assertEquals(
          0,
          oss.counters().get(Operation.PutObject),
          "capped at 8 KB/s, no 64 KiB object can be through after 1.5 s");

      f.sys.put(key, value);
      writeSys();
      JobStatus done = service.awaitJob(ImportFixture.JOB, DEADLINE_MILLIS);

      assertEquals(JobState.Succeed, done.state(), "the job still runs at the old cap");
      assertEquals(OBJECTS, done.doneObjects());
    }
    f.assertAllStored();
  }

  private Path writeSys() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : f.sys.entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    Path file = f.temp.resolve("sys.properties");
    Path next = f.temp.resolve("sys.properties.next");
    Files.write(next, text.toString().getBytes(StandardCharsets.UTF_8));
    // As an editor that saves by rename: the service never reads half a file.
    Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static Map<String, String> emptyEnv() {
    return Collections.<String, String>emptyMap();
  }
}
