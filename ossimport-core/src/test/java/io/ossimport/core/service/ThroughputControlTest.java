package io.ossimport.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.SysConfig;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's live bandwidth settings: a real worker, a real file, a clock the test moves. */
class ThroughputControlTest {
  @TempDir Path dir;
  private final EventLog events = new EventLog();
  private final MovableClock clock = new MovableClock(LocalTime.of(12, 0));
  private Worker worker;

  @AfterEach
  void closeWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void anEditedCapTakesEffectAtTheNextCheckAndIsLogged() throws Exception {
    ThroughputControl control = control("workerMaxThroughput(KB/s)=100\n");
    control.check();
    assertEquals(100, worker.throughputCap());
    assertEquals(Collections.emptyList(), logged(), "the cap it started with is not news");

    write("workerMaxThroughput(KB/s)=0\n");
    control.check();

    assertEquals(0, worker.throughputCap());
    assertEquals(
        Collections.singletonList("INFO bandwidth cap now unlimited (workerMaxThroughput(KB/s)=0)"),
        logged());
  }

  @Test
  void theTimetableIsFollowedAsTheClockMoves() throws Exception {
    clock.set(LocalTime.of(7, 59));
    ThroughputControl control = control("workerThroughputTimetable=08:00,512;19:00,off\n");
    control.check();
    assertEquals(0, worker.throughputCap(), "before 08:00 yesterday's 19:00 entry holds");

    clock.set(LocalTime.of(8, 0));
    control.check();
    assertEquals(512, worker.throughputCap());

    clock.set(LocalTime.of(18, 59));
    control.check();
    assertEquals(512, worker.throughputCap());

    clock.set(LocalTime.of(19, 0));
    control.check();
    assertEquals(0, worker.throughputCap());
    assertEquals(
        java.util.Arrays.asList(
            "INFO bandwidth cap now 512 KB/s (workerThroughputTimetable entry 08:00,512)",
            "INFO bandwidth cap now unlimited (workerThroughputTimetable entry 19:00,off)"),
        logged());
  }

  @Test
  void aTimetableHoldsFromTheFirstCheckEvenWithoutAFileToWatch() throws Exception {
    SysConfig sys = load("workerThroughputTimetable=00:00,64\n");
    worker = new Worker(sys, events);
    ThroughputControl control =
        new ThroughputControl(sys, SysSource.fixed(), worker, events, clock);
    assertEquals(0, worker.throughputCap(), "the worker starts from workerMaxThroughput(KB/s)");

    control.check();

    assertEquals(64, worker.throughputCap());
  }

  @Test
  void anInvalidEditKeepsTheSettingsAndIsReportedOnce() throws Exception {
    ThroughputControl control = control("workerMaxThroughput(KB/s)=100\n");
    control.check();

    write("workerMaxThroughput(KB/s)=fast\n");
    control.check();
    control.check();

    assertEquals(100, worker.throughputCap(), "a half-edited file neither lifts nor drops the cap");
    List<String> warnings = logged();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("WARN " + sysFile() + " changed but is not valid"));
    assertTrue(warnings.get(0).contains("workerMaxThroughput(KB/s)='fast'"), warnings.get(0));

    write("workerMaxThroughput(KB/s)=50\n");
    control.check();
    assertEquals(50, worker.throughputCap(), "the next valid edit is read");
  }

  @Test
  void otherChangedKeysWaitForTheNextStartWithAWarning() throws Exception {
    ThroughputControl control = control("workerTaskThreadNum=4\n");
    control.check();

    write("workerTaskThreadNum=8\nworkerMaxThroughput(KB/s)=10\n");
    control.check();

    assertEquals(10, worker.throughputCap());
    assertEquals(
        java.util.Arrays.asList(
            "WARN "
                + sysFile()
                + ": workerTaskThreadNum changed; it takes effect when the service starts again"
                + " (only workerMaxThroughput(KB/s) and workerThroughputTimetable apply while it"
                + " runs)",
            "INFO bandwidth cap now 10 KB/s (workerMaxThroughput(KB/s)=10)"),
        logged());
  }

  private ThroughputControl control(String text) throws Exception {
    write(text);
    SysSource source =
        new SysSource(sysFile(), Collections.<String, String>emptyMap(), "inline keys");
    SysConfig sys = source.load().config();
    worker = new Worker(sys, events);
    return new ThroughputControl(sys, source, worker, events, clock);
  }

  private SysConfig load(String text) throws Exception {
    write(text);
    return new SysSource(sysFile(), Collections.<String, String>emptyMap(), "inline keys")
        .load()
        .config();
  }

  private Path sysFile() {
    return dir.resolve("sys.properties");
  }

  private void write(String text) throws Exception {
    Files.write(sysFile(), ("workingDir=" + dir + "\n" + text).getBytes(StandardCharsets.UTF_8));
  }

  private List<String> logged() {
    return events.events().stream()
        .filter(e -> !e.isProgress())
        .map(e -> e.level() + " " + e.message())
        .collect(Collectors.toList());
  }

  /** A clock at a time of day the test sets. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(LocalTime time) {
      set(time);
    }

    void set(LocalTime time) {
      now = LocalDate.of(2026, 12, 7).atTime(time).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
