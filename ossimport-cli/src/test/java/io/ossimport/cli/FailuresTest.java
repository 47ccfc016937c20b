package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.ServiceRunningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private ExitCode report(Throwable failure) throws Exception {
    return Failures.report(failure, new PrintStream(bytes, true, "UTF-8"));
  }

  private String[] lines() {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8).split("\\R");
  }

  @Test
  void aConfigurationErrorPrintsOneLinePerProblem() throws Exception {
    ConfigurationException e =
        new ConfigurationException(
            Arrays.asList(
                new ConfigProblem(
                    "conf/local_job.cfg",
                    54,
                    "destPrefix",
                    "/a",
                    "must not start with '/'",
                    "write destPrefix=a"),
                new ConfigProblem(
                    "conf/local_job.cfg",
                    60,
                    "destBucket",
                    null,
                    "is required",
                    "write destBucket=<bucket>")));
    assertEquals(ExitCode.CONFIGURATION, report(e));
    String[] lines = lines();
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("Error: conf/local_job.cfg:54: destPrefix"), lines[0]);
    assertTrue(lines[0].contains("write destPrefix=a"), lines[0]);
    assertTrue(lines[1].startsWith("Error: conf/local_job.cfg:60: destBucket"), lines[1]);
  }

  @Test
  void anEngineFailureIsARuntimeFailureWithItsCause() throws Exception {
    assertEquals(
        ExitCode.RUNTIME,
        report(new OssImportException("cannot write the job tree", new IOException("disk full"))));
    assertEquals("Error: cannot write the job tree: IOException: disk full", lines()[0]);
  }

  @Test
  void aJobConflictAndARunningServiceHaveTheirOwnCodes() throws Exception {
    assertEquals(
        ExitCode.JOB_CONFLICT,
        report(new JobConflictException("local_test", "Job local_test exists; clean it first")));
    assertEquals(
        ExitCode.SERVICE_STATE,
        report(
            new ServiceRunningException(
                "The service runs (PID 42).", Paths.get("master/.lock"), 42)));
    String[] lines = lines();
    assertEquals("Error: Job local_test exists; clean it first", lines[0]);
    assertEquals(
        "Error: The service runs (PID 42); stop the ossimport service first (console.sh stop),"
            + " then try again.",
        lines[1]);
  }

  @Test
  void aCommandFailureKeepsItsExitCode() throws Exception {
    assertEquals(
        ExitCode.SERVICE_STATE, report(new CommandFailure(ExitCode.SERVICE_STATE, "busy.")));
    assertEquals("Error: busy.", lines()[0]);
  }

  @Test
  void aBugIsAnInternalErrorOnOneLine() throws Exception {
    assertEquals(ExitCode.RUNTIME, report(new IllegalStateException("oops")));
    String[] lines = lines();
    assertEquals(1, lines.length);
    assertEquals("Error: internal error: IllegalStateException: oops", lines[0]);
    assertFalse(lines[0].contains("\tat "));
  }
}
