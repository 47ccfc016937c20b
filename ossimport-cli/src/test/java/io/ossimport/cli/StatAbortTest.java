package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stat} of an aborted job names the cause and the way back, and exits with 5. */
class StatAbortTest {
  private static final String REASON =
      "the destination failed for 3 objects in a row: NoSuchBucket: The specified bucket does not"
          + " exist. (request 5F2A) (bucket dest at http://127.0.0.1:9); check destBucket";

  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void anAbortedJobsReasonIsInTheReportAndOnStderr() throws Exception {
    Path work = temp.resolve("work");
    Path sys = submitted(work);
    new JobTree(work).updateJob("local_test", r -> r.withAbort(REASON));
    out.reset();
    err.reset();

    int exit = run("-c", sys.toString(), "stat", "-j", "local_test");

    assertEquals(ExitCode.RUNTIME.code(), exit);
    assertTrue(out().contains("JobState:Abort\nAbortReason:" + REASON + "\n"), out());
    assertTrue(
        err()
            .contains(
                "Job local_test was aborted: "
                    + REASON
                    + ". Fix the cause, then run console.sh retry local_test and console.sh start"),
        err());

    out.reset();
    assertEquals(ExitCode.RUNTIME.code(), run("-c", sys.toString(), "stat", "--json"));
    assertTrue(out().contains("\"state\":\"Abort\",\"abortReason\":\"the destination"), out());
  }

  @Test
  void anAbortStoredWithTheOldAdviceNamesTheConsoleCommandsOnly() throws Exception {
    Path work = temp.resolve("work");
    Path sys = submitted(work);
    new JobTree(work)
        .updateJob(
            "local_test",
            r ->
                r.withAbort(
                    "the source is gone; restore it, then ossimport:retry and ossimport:start"));
    out.reset();
    err.reset();

    assertEquals(ExitCode.RUNTIME.code(), run("-c", sys.toString(), "stat"));

    assertTrue(out().contains("AbortReason:the source is gone; restore it\n"), out());
    assertEquals(
        "Job local_test was aborted: the source is gone; restore it. Fix the cause, then run"
            + " console.sh retry local_test and console.sh start: the objects already done are"
            + " kept.",
        err().trim());
  }

  /** A submitted job local_test in {@code work}; returns its sys.properties. */
  private Path submitted(Path work) throws Exception {
    Path src = Files.createDirectories(temp.resolve("src"));
    Path sys = temp.resolve("sys.properties");
    Files.write(
        sys,
        ("workingDir=" + work.toString().replace('\\', '/') + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Path job = temp.resolve("local_job.cfg");
    Files.write(
        job,
        ("jobName=local_test\nsrcType=local\nsrcPrefix="
                + src.toString().replace('\\', '/')
                + "/\ndestAccessKey=id\ndestSecretKey=secret\ndestDomain=http://127.0.0.1:9\n"
                + "destBucket=dest\n")
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run("-c", sys.toString(), "submit", "--offline", job.toString()), err());
    return sys;
  }

  private int run(String... args) {
    return Main.run(args, print(out), print(err), Collections.<String, String>emptyMap());
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    try {
      return new PrintStream(bytes, true, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }
}
