package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRecordFileTest {
  @TempDir Path dir;

  @Test
  void everyFieldRoundTrips() throws IOException {
    JobRecord record =
        JobRecord.submitted("local_test", "sha256:ab", Instant.parse("2024-05-01T08:00:00Z"))
            .withState(JobState.Abort)
            .withScanFinished(true)
            .withRound(3)
            .withCounters(new JobCounters(1, 2, 3, 4, 5, 6, 7, 8))
            .withStartTime(Instant.parse("2024-05-01T08:00:01.5Z"))
            .withFinishTime(Instant.parse("2024-05-01T09:00:00Z"))
            .withCountLedger("A41506C07BF1DF2A3EDB4CE31756B93F_1499744514501 1 2 3 4 5 6")
            .withSchedule(
                new RoundSchedule(
                    Instant.parse("2024-05-02T08:00:00Z"),
                    Instant.parse("2024-05-01T07:59:58Z"),
                    Instant.parse("2024-05-03T08:00:00Z")));
    Path file = dir.resolve("JOB");
    JobRecordFile.write(file, record);
    assertEquals(record, JobRecordFile.read(file));
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertTrue(text.contains("\nformat=1\n") && text.contains("\nstate=Abort\n"), text);
  }

  @Test
  void aJobThatIsNotIncrementalHasNoScheduleKeysAndAFirstRoundHasNoFilter() throws IOException {
    Path file = dir.resolve("JOB");
    JobRecord plain = JobRecord.submitted("local_test", "sha256:ab", Instant.now());
    JobRecordFile.write(file, plain);
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertTrue(!text.contains("roundStartTime") && !text.contains("nextRoundTime"), text);
    assertEquals(null, JobRecordFile.read(file).schedule());

    RoundSchedule firstRound = new RoundSchedule(Instant.parse("2024-05-02T08:00:00Z"), null, null);
    JobRecordFile.write(file, plain.withSchedule(firstRound));
    assertEquals(firstRound, JobRecordFile.read(file).schedule());
    assertTrue(!JobRecordFile.read(file).schedule().listingEnded());
  }

  @Test
  void anAbortKeepsItsReasonUntilTheStateChanges() throws IOException {
    Path file = dir.resolve("JOB");
    JobRecord aborted =
        JobRecord.submitted("local_test", "sha256:ab", Instant.now())
            .withAbort("the destination failed: NoSuchBucket\nsecond line")
            .withFinishTime(Instant.now());
    JobRecordFile.write(file, aborted);
    JobRecord back = JobRecordFile.read(file);
    assertEquals(JobState.Abort, back.state());
    assertEquals("the destination failed: NoSuchBucket second line", back.abortReason());
    assertEquals(back.abortReason(), back.withCounters(back.counters()).abortReason());
    assertEquals("", back.withState(JobState.Running).abortReason(), "retry lifts it");
    JobRecordFile.write(file, back.withState(JobState.Running));
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertTrue(!text.contains("abortReason"), text);
  }

  @Test
  void aRecordWithoutACountLedgerReadsAsAnEmptyOne() throws IOException {
    Path file = dir.resolve("JOB");
    JobRecord record = JobRecord.submitted("local_test", "sha256:ab", Instant.now());
    String text = JobRecordFile.format(record).replace("countLedger=\n", "");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertEquals("", JobRecordFile.read(file).countLedger());
  }

  @Test
  void unknownKeysAreIgnoredButANewerFormatIsRefused() throws IOException {
    Path file = dir.resolve("JOB");
    JobRecord record = JobRecord.submitted("j", "sha256:ab", Instant.parse("2024-05-01T08:00:00Z"));
    String text = JobRecordFile.format(record);
    Files.write(file, (text + "someFutureKey=1\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(record, JobRecordFile.read(file));

    Files.write(file, text.replace("format=1", "format=2").getBytes(StandardCharsets.UTF_8));
    CorruptFileException e =
        assertThrows(CorruptFileException.class, () -> JobRecordFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("format 2"));
  }

  @Test
  void aBadValueNamesTheFileAndTheKey() throws IOException {
    Path file = dir.resolve("JOB");
    String text =
        JobRecordFile.format(JobRecord.submitted("j", "d", Instant.parse("2024-05-01T08:00:00Z")));
    Files.write(file, text.replace("state=Running", "state=Done").getBytes(StandardCharsets.UTF_8));
    CorruptFileException e =
        assertThrows(CorruptFileException.class, () -> JobRecordFile.read(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("'Done'"),
        e.getMessage());
  }
}
