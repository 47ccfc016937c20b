package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.TaskProgress;
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
  void showsObjectsBytesPercentRateEtaAndFailuresInBinaryUnits() {
    String line = ProgressLine.format(job(true, 10 * MB, 120, 2).withRate(MB));
    assertEquals(
        "local_test Running: 120/300 objects, 10.0 MiB/50.0 MiB (20%), 1.0 MiB/s, ETA 0:00:40,"
            + " 2 failed; tasks 0 running, 0 pending",
        line);
  }

  @Test
  void bytesOfRunningTasksCountAtOnce() {
    JobStatus job =
        JobStatus.builder("local_test", JobState.Running)
            .scan(true, 0)
            .objects(300, 50 * MB, 120, 10 * MB, 0, 0)
            .addRunning(new TaskProgress("t1", 15 * MB, 40 * MB, 0, 1))
            .build();
    assertTrue(ProgressLine.format(job).contains("120/300 objects, 25.0 MiB/50.0 MiB (50%)"));
  }

  @Test
  void anAuditJobSaysItAudited() {
    JobStatus audit =
        JobStatus.builder("local_audit", JobState.Running)
            .objects(300, 50 * MB, 120, 10 * MB, 0, 0)
            .audit(true)
            .build();
    String line = ProgressLine.format(audit);
    assertTrue(line.startsWith("local_audit Running: audited 120/300"), line);
  }

  @Test
  void aGrowingTotalIsMarkedAndHasNoEta() {
    String line = ProgressLine.format(job(false, 10 * MB, 120, 0).withRate(MB));
    assertTrue(line.contains("120/300+ objects, 10.0 MiB/50.0 MiB+"), line);
    assertTrue(line.contains("ETA -"), line);
  }

  @Test
  void withoutAMeasuredRateTheRateIsUnknown() {
    String line = ProgressLine.format(job(true, 10 * MB, 120, 0));
    assertTrue(line.contains(", - B/s, ETA -,"), line);
  }

  @Test
  void bytesUseBinaryUnitsWithIecNames() {
    assertEquals("0 B", JobReport.bytes(0));
    assertEquals("1023 B", JobReport.bytes(1023));
    assertEquals("1.5 KiB", JobReport.bytes(1536));
    assertEquals("2.0 GiB", JobReport.bytes(2L * 1024 * MB));
  }

  @Test
  void durationsHaveHoursMinutesSeconds() {
    assertEquals("0:00:12", JobReport.duration(12));
    assertEquals("27:03:09", JobReport.duration(27 * 3600 + 3 * 60 + 9));
  }

  @Test
  void theRateFileKeepsAMovingWindowAcrossCalls(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("logs").resolve("import.rate");
    assertEquals(-1, new ProgressSamples(file).measure(job(true, 0, 0, 0), 0).bytesPerSecond());
    assertEquals(
        MB, new ProgressSamples(file).measure(job(true, 10 * MB, 120, 0), 10_000).bytesPerSecond());
    assertEquals(
        0,
        new ProgressSamples(file).measure(job(true, 10 * MB, 120, 0), 40_000).bytesPerSecond(),
        "a stall shows within one window instead of being averaged over the run");
    try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("logs"))) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aJobStartedAgainStartsANewWindow(@TempDir Path dir) throws Exception {
    ProgressSamples samples = new ProgressSamples(dir.resolve("import.rate"));
    samples.measure(job(true, 30 * MB, 180, 0), 1_000);
    assertEquals(-1, samples.measure(job(true, 1 * MB, 2, 0), 5_000).bytesPerSecond());
    assertEquals(MB / 4.0, samples.measure(job(true, 2 * MB, 4, 0), 9_000).bytesPerSecond());
  }

  @Test
  void aDamagedOrOldRateFileOnlyCostsTheRate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("import.rate");
    Files.write(file, "local_test=garbage\nother=1000,5\n".getBytes("UTF-8"));
    ProgressSamples samples = new ProgressSamples(file);
    assertEquals(-1, samples.measure(job(true, 1 * MB, 2, 0), 5_000).bytesPerSecond());
    assertEquals(MB / 4.0, samples.measure(job(true, 2 * MB, 4, 0), 9_000).bytesPerSecond());
  }
}
