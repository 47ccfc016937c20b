package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportEvent.Level;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPrinterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicLong now = new AtomicLong(1_000_000);

  private EventPrinter printer(boolean debug, Path logFile) throws Exception {
    return new EventPrinter(
        new PrintStream(out, true, "UTF-8"),
        new PrintStream(err, true, "UTF-8"),
        debug,
        logFile,
        now::get);
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void infoGoesToStandardOutputAndProblemsToStandardError() throws Exception {
    EventPrinter printer = printer(false, null);
    printer.onEvent(ImportEvent.log(Level.INFO, "local_test", "task done"));
    printer.onEvent(ImportEvent.log(Level.WARN, "local_test", "slow down"));
    printer.onEvent(ImportEvent.log(Level.ERROR, null, "cannot read"));
    assertTrue(
        out().matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d] \\[INFO] task done\\R"),
        out());
    assertTrue(err().contains("[WARN] slow down"), err());
    assertTrue(err().contains("[ERROR] cannot read"), err());
  }

  @Test
  void debugEventsOnlyWhenAsked() throws Exception {
    printer(false, null).onEvent(ImportEvent.log(Level.DEBUG, null, "detail"));
    assertEquals("", out());
    printer(true, null).onEvent(ImportEvent.log(Level.DEBUG, null, "detail"));
    assertTrue(out().contains("[DEBUG] detail"), out());
  }

  @Test
  void progressBecomesOneLineWithTheRateTheServiceMeasured() throws Exception {
    EventPrinter printer = printer(false, null);
    printer.onEvent(ImportEvent.progress(status(0)));
    now.addAndGet(4_000);
    printer.onEvent(ImportEvent.progress(status(4 * 1024 * 1024).withRate(1024 * 1024)));
    String[] lines = out().split("\\R");
    assertEquals(2, lines.length, out());
    assertTrue(lines[0].contains("local_test Running: "), lines[0]);
    assertTrue(lines[1].contains("1.0 MiB/s"), lines[1]);
  }

  @Test
  void aLogFileGetsEveryLine(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("logs").resolve("ossimport2.log");
    EventPrinter printer = printer(false, log);
    printer.info("Import service started");
    printer.onEvent(ImportEvent.log(Level.ERROR, null, "cannot read"));
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).endsWith("[INFO] Import service started"));
    assertTrue(lines.get(1).endsWith("[ERROR] cannot read"));
  }

  private static JobStatus status(long doneBytes) {
    return JobStatus.builder("local_test", JobState.Running)
        .scan(true, 0)
        .objects(10, 40L * 1024 * 1024, 1, doneBytes, 0, 0)
        .build();
  }
}
