package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTest {
  private static final long MB = 1024 * 1024;

  private static JobStatus job(boolean scanFinished, long doneBytes, long doneFiles, long failed) {
    return JobStatus.builder("local_test", JobState.Running)
        .scan(scanFinished, 0)
        .objects(300, 50 * MB, doneFiles, doneBytes, 0, failed)
        .build();
  }

  @Test
  void showsFilesBytesPercentRateEtaAndFailures() {
    ProgressLine.Sample tenSecondsAgo = new ProgressLine.Sample(0, 0);
    String line = ProgressLine.format(job(true, 10 * MB, 120, 2), tenSecondsAgo, 10_000);
    assertEquals(
        "local_test Running: 120/300 files, 10.0 MB/50.0 MB (20%), 1.0 MB/s, ETA 0:00:40,"
            + " 2 failed",
        line);
  }

  @Test
  void anAuditJobSaysItAudited() {
    JobStatus audit =
        JobStatus.builder("local_audit", JobState.Running)
            .objects(300, 50 * MB, 120, 10 * MB, 0, 0)
            .audit(true)
            .build();
    String line = ProgressLine.format(audit, null, 10_000);
    assertTrue(line.startsWith("local_audit Running: audited 120/300"), line);
  }

  @Test
  void aGrowingTotalIsMarkedAndHasNoEta() {
    String line =
        ProgressLine.format(job(false, 10 * MB, 120, 0), new ProgressLine.Sample(0, 0), 10_000);
    assertTrue(line.contains("120/300+ files, 10.0 MB/50.0 MB+"), line);
    assertTrue(line.contains("ETA -"), line);
  }

  @Test
  void withoutAnEarlierSampleTheRateIsUnknown() {
    String line = ProgressLine.format(job(true, 10 * MB, 120, 0), null, 10_000);
    assertTrue(line.contains(", -, ETA -,"), line);
  }

  @Test
  void bytesUseUnitsOf1024() {
    assertEquals("0 B", ProgressLine.bytes(0));
    assertEquals("1023 B", ProgressLine.bytes(1023));
    assertEquals("1.5 KB", ProgressLine.bytes(1536));
    assertEquals("2.0 GB", ProgressLine.bytes(2L * 1024 * MB));
  }

  @Test
  void durationsHaveHoursMinutesSeconds() {
    assertEquals("0:00:12", ProgressLine.duration(12));
    assertEquals("27:03:09", ProgressLine.duration(27 * 3600 + 3 * 60 + 9));
  }

  @Test
  void theRateFileKeepsTheFirstSampleOfARun(@TempDir Path dir) throws Exception {
    ProgressSamples samples = new ProgressSamples(dir.resolve("logs").resolve("import.rate"));
    assertNull(samples.baseFor(job(true, 10 * MB, 120, 0), 1_000));
    ProgressLine.Sample base = samples.baseFor(job(true, 20 * MB, 150, 0), 6_000);
    assertEquals(1_000, base.millis);
    assertEquals(10 * MB, base.doneBytes);
    assertEquals(1_000, samples.baseFor(job(true, 30 * MB, 180, 0), 11_000).millis);
    try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("logs"))) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aJobStartedAgainStartsANewSample(@TempDir Path dir) throws Exception {
    ProgressSamples samples = new ProgressSamples(dir.resolve("import.rate"));
    samples.baseFor(job(true, 30 * MB, 180, 0), 1_000);
    assertNull(samples.baseFor(job(true, 1 * MB, 2, 0), 5_000), "done bytes went down");
    assertEquals(5_000, samples.baseFor(job(true, 2 * MB, 4, 0), 9_000).millis);
  }

  @Test
  void aDamagedRateFileOnlyCostsTheRate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("import.rate");
    Files.write(file, "local_test=garbage\n".getBytes("UTF-8"));
    ProgressSamples samples = new ProgressSamples(file);
    assertNull(samples.baseFor(job(true, 1 * MB, 2, 0), 5_000));
    assertEquals(5_000, samples.baseFor(job(true, 2 * MB, 4, 0), 9_000).millis);
  }
}
