package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service operations every front end shares ({@code runJobs}, {@code stopAndWait}, {@code
 * jobNames}), and the neutral remedies their failures carry.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class ServiceControlTest {
  OssEmulator oss;
  private ImportFixture f;

  @Test
  void noJobIsAConflictWhoseRemedyIsToSubmitAndSeveralAskForAName() throws Exception {
    OssImport ossimport = f.open();

    JobConflictException none =
        assertThrows(JobConflictException.class, () -> ossimport.runJobs(null, 0));
    assertEquals(Remedy.SUBMIT_JOB, none.remedy());
    assertFalse(none.getMessage().contains("console"), none.getMessage());

    f.file("a.txt", 10);
    ossimport.submit(f.jobFile());
    assertEquals(ImportFixture.JOB, ossimport.singleJob(null));
    f.job.put("jobName", "second");
    ossimport.submit(f.jobFile());
    JobConflictException several =
        assertThrows(JobConflictException.class, () -> ossimport.singleJob(null));
    assertEquals(Remedy.NAME_JOB, several.remedy());
  }

  @Test
  void aSecondSubmitOfTheSameNameIsAConflictWhoseRemedyIsToClean() throws Exception {
    f.file("a.txt", 10);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());

    JobConflictException again =
        assertThrows(JobConflictException.class, () -> ossimport.submit(f.jobFile()));

    assertEquals(Remedy.CLEAN_JOB, again.remedy());
    assertTrue(again.getMessage().contains("already exists"), again.getMessage());
    assertFalse(again.getMessage().contains("Run clean"), "no front end's words");
  }

  @Test
  void runJobsRunsUntilTheJobEndsAndStopAndWaitFindsNothingToStop() throws Exception {
    f.file("a.txt", 100);
    f.file("dir/b.txt", 2000);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());

    ServiceOutcome outcome = ossimport.runJobs(null, 0);

    assertEquals(ServiceOutcome.Kind.JOBS_ENDED, outcome.kind(), f.events.text());
    assertTrue(outcome.finished());
    assertEquals(JobState.Succeed, outcome.jobs().get(0).state());
    assertEquals(Remedy.NONE, outcome.remedy());
    f.assertAllStored();
    assertEquals(-1, ossimport.servicePid(), "the service stopped");
    assertEquals(ServiceOutcome.Kind.NOT_RUNNING, ossimport.stopAndWait(1).kind());
  }

  @Test
  void aJobStillRunningAtTheDeadlineIsAnUnfinishedOutcomeToStartAgain() throws Exception {
    f.file("a.txt", 100);
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    oss.faults().always(Operation.PutObject, FaultSpec.latency(2500));

    ServiceOutcome outcome = ossimport.runJobs(ImportFixture.JOB, 1);

    assertEquals(ServiceOutcome.Kind.DEADLINE_PASSED, outcome.kind());
    assertFalse(outcome.finished());
    assertEquals(Remedy.START_AGAIN, outcome.remedy());
    assertEquals(java.util.Collections.singletonList(ImportFixture.JOB), outcome.unfinishedJobs());
    assertTrue(outcome.message().contains("still running after 1 s"), outcome.message());
    assertEquals(-1, ossimport.servicePid(), "the service stopped");
  }
}
