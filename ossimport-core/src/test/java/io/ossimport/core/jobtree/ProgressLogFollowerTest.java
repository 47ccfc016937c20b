package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLogFollowerTest {
  @TempDir Path dir;

  /** Records what the follower feeds, as "restart" and "STATE index" strings. */
  private static final class Recorder implements ProgressLogFollower.Listener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void restart() {
      seen.add("restart");
    }

    @Override
    public void event(int index, EntryState state) {
      seen.add(state + " " + index);
    }

    List<String> take() {
      List<String> copy = new ArrayList<>(seen);
      seen.clear();
      return copy;
    }
  }

  @Test
  void eachReadFeedsOnlyTheLinesAppendedSinceTheLastOne() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    try (ProgressLog log = ProgressLog.open(file)) {
      log.begin(0);
      log.begin(1);
      follower.readNew(recorder);
      assertEquals(Arrays.asList("BEGUN 0", "BEGUN 1"), recorder.take());

      log.done(1, 5L, "e");
      log.failed(0, ReasonCode.NETWORK);
      follower.readNew(recorder);
      assertEquals(Arrays.asList("DONE 1", "FAILED 0"), recorder.take());

      follower.readNew(recorder);
      assertEquals(Arrays.asList(), recorder.take());
      assertEquals(Files.size(file), follower.offset());
    }
  }

  @Test
  void aPartialLastLineIsLeftForTheReadAfterItsNewline() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    append(file, ProgressLog.HEADER + "\nBEGIN\t0\nDONE\t0\t-");
    follower.readNew(recorder);
    assertEquals(Arrays.asList("BEGUN 0"), recorder.take());

    append(file, "\t-\n");
    follower.readNew(recorder);
    assertEquals(Arrays.asList("DONE 0"), recorder.take());
  }

  @Test
  void aHeaderWithoutItsNewlineReadsAsNothingYet() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    follower.readNew(recorder); // no file yet
    append(file, "ossimport-prog");
    follower.readNew(recorder);
    assertEquals(0, follower.offset());

    append(file, "ress 1\nBEGIN\t3\n");
    follower.readNew(recorder);
    assertEquals(Arrays.asList("BEGUN 3"), recorder.take());
  }

  @Test
  void nothingPastAnInvalidLineIsRead() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    append(file, ProgressLog.HEADER + "\nBEGIN\t0\nDONE\tx\n");
    follower.readNew(recorder);
    append(file, "BEGIN\t1\n");
    follower.readNew(recorder);

    assertEquals(Arrays.asList("BEGUN 0"), recorder.take());
    assertEquals(1, ProgressLog.read(file).count(EntryState.BEGUN)); // as a full read
  }

  @Test
  void aLogCutBelowWhatWasReadIsReadAgainFromTheStart() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    append(file, ProgressLog.HEADER + "\nBEGIN\t0\nBEGIN\t1\n");
    follower.readNew(recorder);
    recorder.take();

    Files.write(file, (ProgressLog.HEADER + "\nBEGIN\t7\n").getBytes(StandardCharsets.UTF_8));
    follower.readNew(recorder);

    assertEquals(Arrays.asList("restart", "BEGUN 7"), recorder.take());
  }

  @Test
  void aLogReplacedByAnotherFileIsReadAgainFromTheStart() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    append(file, ProgressLog.HEADER + "\nBEGIN\t0\n");
    follower.readNew(recorder);
    recorder.take();

    Path other = dir.resolve("other.log");
    append(other, ProgressLog.HEADER + "\nDONE\t4\t-\t-\nDONE\t5\t-\t-\n");
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    follower.readNew(recorder);

    if (Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey()
        != null) { // a file system without file keys notices a replacement only when it shrinks
      assertEquals(Arrays.asList("restart", "DONE 4", "DONE 5"), recorder.take());
    }
  }

  @Test
  void aDeletedLogRestartsAndReadsAsEmpty() throws IOException {
    Path file = dir.resolve("progress.log");
    ProgressLogFollower follower = new ProgressLogFollower(file);
    Recorder recorder = new Recorder();
    append(file, ProgressLog.HEADER + "\nBEGIN\t0\n");
    follower.readNew(recorder);
    recorder.take();

    Files.delete(file);
    follower.readNew(recorder);

    assertEquals(Arrays.asList("restart"), recorder.take());
    assertEquals(0, follower.offset());
  }

  @Test
  void aWrongHeaderIsAnError() throws IOException {
    Path file = dir.resolve("progress.log");
    append(file, "something else\nBEGIN\t0\n");
    assertThrows(
        CorruptFileException.class, () -> new ProgressLogFollower(file).readNew(new Recorder()));
  }

  private static void append(Path file, String text) throws IOException {
    Files.write(
        file,
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
