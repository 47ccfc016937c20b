package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path dir;

  CheckpointStore store() {
    return new CheckpointStore(
        dir.resolve("checkpoints"),
        Clock.fixed(Instant.parse("2024-05-01T08:00:00Z"), ZoneOffset.UTC),
        new Object());
  }

  @Test
  void theLatestCheckpointOfARoundIsTheLastWrittenAndKeepsAnyScannerState() throws IOException {
    CheckpointStore store = store();
    assertFalse(store.latest(0).isPresent());
    assertFalse(store.latestRound().isPresent());
    String state = "stack=[a/b\tc, 中文/%, x\ny]\r\n\\";
    for (int i = 1; i <= 5; i++) {
      store.write(Checkpoint.of(0, state + i, i, i * 10, i * 1000));
    }
    Checkpoint latest = store.latest(0).get();
    assertEquals(5, latest.sequence());
    assertEquals(state + 5, latest.scannerState());
    assertEquals(50, latest.objects());
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), latest.writtenAt());
    assertNull(latest.lastTaskId());
    assertEquals(
        Arrays.asList("0000000004.cpt", "0000000005.cpt"),
        AtomicFilesTest.names(dir.resolve("checkpoints/0")));
  }

  @Test
  void aCheckpointWithoutANewTaskCarriesTheLastTaskIdForward() throws IOException {
    CheckpointStore store = store();
    TaskId task = TaskId.parse("A41506C07BF1DF2A3EDB4CE31756B93F_1499744514501");
    store.write(Checkpoint.of(0, "after the task", 1, 1, 1), task);
    Checkpoint end = store.write(Checkpoint.of(0, "listing finished", 1, 1, 1));
    assertEquals(task, end.lastTaskId());
    assertEquals(end, store.latest(0).get());
  }

  @Test
  void roundsAreSeparateAndTheNewestRoundIsFound() throws IOException {
    CheckpointStore store = store();
    store.write(Checkpoint.of(0, "r0", 1, 1, 1));
    store.write(Checkpoint.of(2, "r2", 1, 1, 1));
    assertEquals(2, store.latestRound().getAsInt());
    assertEquals("r2", store.latest().get().scannerState());
    assertEquals("r0", store.latest(0).get().scannerState());
    assertFalse(store.latest(1).isPresent());
  }

  @Test
  void anUnreadableNewestCheckpointFallsBackToThePreviousOne() throws IOException {
    CheckpointStore store = store();
    store.write(Checkpoint.of(0, "good", 1, 1, 1));
    Checkpoint second = store.write(Checkpoint.of(0, "lost", 2, 2, 2));
    Path newest = dir.resolve("checkpoints/0/0000000002.cpt");
    String text = new String(Files.readAllBytes(newest), StandardCharsets.UTF_8);
    Files.write(
        newest, text.substring(0, text.indexOf("scannerState")).getBytes(StandardCharsets.UTF_8));
    assertEquals(2, second.sequence());
    assertEquals("good", store.latest(0).get().scannerState());

    Files.write(dir.resolve("checkpoints/0/0000000001.cpt"), new byte[] {'x'});
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> store.latest(0));
    assertTrue(e.getMessage().contains("0000000002.cpt"), e.getMessage());
  }

  @Test
  void tempFilesOfACrashedWriteAreNotCheckpoints() throws IOException {
    CheckpointStore store = store();
    store.write(Checkpoint.of(0, "done", 1, 1, 1));
    Files.write(dir.resolve("checkpoints/0/.tmp-0000000002.cpt-1"), new byte[] {'x'});
    assertEquals("done", store.latest(0).get().scannerState());
    assertEquals(2, store.write(Checkpoint.of(0, "next", 2, 2, 2)).sequence());
  }
}
