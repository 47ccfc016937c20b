package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front ends' summary says what the job did: moved objects, or compared them. */
class JobReportTest {
  @TempDir Path work;

  private static JobStatus job(boolean audit) {
    return JobStatus.builder("local_test", JobState.Failed)
        .tasks(0, 0, 0, 3, 1)
        .scan(true, 0)
        .objects(10, 10240, 8, 8192, 2, 2)
        .audit(audit)
        .build();
  }

  @Test
  void anAuditSaysHowManyObjectsWereVerifiedSkippedAndDiffer() {
    List<String> summary = JobReport.summary(job(true), work, PlainWords.WORDS);

    assertEquals(
        "Job local_test: Failed. Audited objects: 6 of 10 verified equal, 2 not verified"
            + " (modified after lastModify, or skipped by a rule: see skipped.list), 2 differ or"
            + " could not be compared; 10.0 KiB audited in all.",
        summary.get(0));
    assertTrue(JobReport.progressLine(job(true)).startsWith("local_test Failed: audited 8/10"));
  }

  @Test
  void anImportSaysHowManyWereDoneAndSkippedByARuleAndWhereTheSkippedAreListed() {
    List<String> summary = JobReport.summary(job(false), work, PlainWords.WORDS);
    String first = summary.get(0);

    assertTrue(first.contains("8 of 10 done (2 skipped by a rule), 2 failed"), first);
    assertEquals(
        "Skipped objects and the rule that skipped each: "
            + work.resolve("master/jobs/local_test/skipped.list"),
        summary.get(summary.size() - 1));
    assertTrue(JobReport.progressLine(job(false)).startsWith("local_test Failed: 8/10"));
  }
}
