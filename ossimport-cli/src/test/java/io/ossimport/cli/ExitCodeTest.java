package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
  @Test
  void codesAreDistinctAndDense() {
    Set<Integer> codes = new HashSet<Integer>();
    for (ExitCode exit : ExitCode.values()) {
      assertTrue(codes.add(exit.code()), "duplicate " + exit.code());
    }
    for (int code = 0; code < ExitCode.values().length; code++) {
      assertTrue(codes.contains(code), "missing " + code);
    }
  }

  @Test
  void theDocumentedMeaningsAreKept() {
    assertEquals(0, ExitCode.OK.code());
    assertEquals(1, ExitCode.USAGE.code());
    assertEquals(2, ExitCode.CONFIGURATION.code());
    assertEquals(3, ExitCode.FAILED_TASKS.code());
    assertEquals(4, ExitCode.SERVICE_STATE.code());
    assertEquals(5, ExitCode.RUNTIME.code());
    assertEquals(6, ExitCode.JOB_CONFLICT.code());
  }

  @Test
  void theWorstOutcomeWins() {
    assertEquals(ExitCode.RUNTIME, ExitCode.FAILED_TASKS.worst(ExitCode.RUNTIME));
    assertEquals(ExitCode.FAILED_TASKS, ExitCode.FAILED_TASKS.worst(ExitCode.OK));
  }

  @Test
  void statExitsThreeWhenAJobFailedAndFiveWhenOneAborted() {
    JobStatus ok = JobStatus.builder("a_ok", JobState.Succeed).build();
    JobStatus running = JobStatus.builder("b_run", JobState.Running).build();
    JobStatus failed = JobStatus.builder("c_fail", JobState.Failed).build();
    JobStatus aborted = JobStatus.builder("d_abort", JobState.Abort).build();
    assertEquals(ExitCode.OK, StatCommand.exitCodeOf(Collections.<JobStatus>emptyList()));
    assertEquals(ExitCode.OK, StatCommand.exitCodeOf(Arrays.asList(ok, running)));
    assertEquals(ExitCode.FAILED_TASKS, StatCommand.exitCodeOf(Arrays.asList(ok, failed)));
    assertEquals(ExitCode.RUNTIME, StatCommand.exitCodeOf(Arrays.asList(aborted, failed)));
  }
}
