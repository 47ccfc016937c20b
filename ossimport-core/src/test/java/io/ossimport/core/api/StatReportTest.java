package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class StatReportTest {

  @Test
  void textKeepsTheOriginalShapeSoPollersKeepWorking() {
    JobStatus running =
        JobStatus.builder("local_test", JobState.Running)
            .tasks(0, 1, 1, 0, 0)
            .scan(true, 0)
            .addRunning(
                new TaskProgress(
                    "8528637A126676A4FD0D2F981ED5E0EF_1544176618182", 0, 191048, 1, 42))
            .build();

    String expected =
        "-------------- job stats ---------------\n"
            + "---------------- job stat ------------------\n"
            + "JobName:local_test\n"
            + "JobState:Running\n"
            + "PendingTasks:0\n"
            + "DispatchedTasks:1\n"
            + "RunningTasks:1\n"
            + "SucceedTasks:0\n"
            + "FailedTasks:0\n"
            + "ScanFinished:true\n"
            + "TotalObjects:0\n"
            + "DoneObjects:0\n"
            + "SkippedObjects:0\n"
            + "FailedObjects:0\n"
            + "Progress:0/0 bytes, 1/0 objects (100%)\n"
            + "RunningTasks Progress:\n"
            + "8528637A126676A4FD0D2F981ED5E0EF_1544176618182:0/191048 1/42\n"
            + "----------------------------------------\n";
    assertEquals(expected, StatReport.text(Collections.singletonList(running)));
  }

  @Test
  void anIncrementalJobHasOneMoreLineWithItsRoundAndTheTimeOfTheNextScan() {
    JobStatus waiting =
        JobStatus.builder("local_test", JobState.Running)
            .scan(false, 3)
            .incremental(Instant.parse("2024-05-02T08:00:00Z"))
            .build();
    JobStatus scanning =
        JobStatus.builder("local_test", JobState.Running).scan(false, 4).incremental(null).build();

    String text = StatReport.text(Collections.singletonList(waiting));
    assertTrue(
        text.contains(
            "ScanFinished:false\nIncremental: round 3, next scan at 2024-05-02T08:00:00Z\n"
                + "TotalObjects:0\n"),
        text);
    assertTrue(
        StatReport.text(Collections.singletonList(scanning))
            .contains("\nIncremental: round 4, scanning\n"));
    assertTrue(
        StatReport.jsonLines(Collections.singletonList(waiting))
            .contains("\"incremental\":true,\"nextRoundTime\":\"2024-05-02T08:00:00Z\""));
  }

  @Test
  void textSaysSoWhenThereIsNoJob() {
    assertEquals(
        "no jobs is running or finished.\n", StatReport.text(Collections.<JobStatus>emptyList()));
  }

  @Test
  void jsonLinesCarryEveryCountAndEscapeTheName() {
    JobStatus a =
        JobStatus.builder("job_\"a\"", JobState.Failed)
            .tasks(1, 2, 3, 4, 5)
            .scan(false, 2)
            .objects(100, 1000, 90, 900, 10, 7)
            .build();
    JobStatus b = JobStatus.builder("job_b", JobState.Succeed).scan(true, 0).build();

    String[] lines = StatReport.jsonLines(Arrays.asList(a, b)).split("\n");

    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("{\"jobName\":\"job_\\\"a\\\"\",\"state\":\"Failed\""));
    assertTrue(lines[0].contains("\"pendingTasks\":1,\"dispatchedTasks\":2,\"runningTasks\":3"));
    assertTrue(lines[0].contains("\"scanFinished\":false,\"round\":2"));
    assertTrue(
        lines[0].contains("\"skippedObjects\":10,\"failedObjects\":7,\"progressBytes\":900"));
    assertTrue(lines[0].contains("\"bytesPerSecond\":null,\"etaSeconds\":null"));
    assertTrue(lines[0].endsWith("\"running\":[]}"));
    assertTrue(
        StatReport.jsonLines(Arrays.asList(a.withRate(50)))
            .contains("\"bytesPerSecond\":50.0,\"etaSeconds\":null"),
        "no ETA while the scan lists");
    assertTrue(lines[1].contains("\"state\":\"Succeed\""));
  }
}
