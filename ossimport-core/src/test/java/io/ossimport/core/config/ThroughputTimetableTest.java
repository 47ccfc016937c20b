package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputTimetableTest {
  @TempDir Path dir;

  private static int at(int hour, int minute) {
    return hour * 60 + minute;
  }

  @Test
  void eachEntryHoldsUntilTheNextAndTheLastWrapsPastMidnight() {
    ThroughputTimetable t = ThroughputTimetable.parse("19:00,off;08:00,512 12:30,2048");

    assertEquals("08:00,512;12:30,2048;19:00,off", t.toString());
    assertEquals(0, t.kilobytesPerSecondAt(at(7, 59)), "before 08:00 the 19:00 entry still holds");
    assertEquals(512, t.kilobytesPerSecondAt(at(8, 0)));
    assertEquals(512, t.kilobytesPerSecondAt(at(12, 29)));
    assertEquals(2048, t.kilobytesPerSecondAt(at(12, 30)));
    assertEquals(0, t.kilobytesPerSecondAt(at(19, 0)));
    assertEquals(0, t.kilobytesPerSecondAt(at(23, 59)));
    assertEquals("12:30,2048", t.entryTextAt(at(18, 59)));
  }

  @Test
  void oneEntryHoldsAllDayAndSingleDigitHoursAreAccepted() {
    ThroughputTimetable t = ThroughputTimetable.parse(" 8:05,100 ");
    assertEquals(100, t.kilobytesPerSecondAt(at(0, 0)));
    assertEquals(100, t.kilobytesPerSecondAt(at(23, 59)));
    assertEquals("08:05,100", t.toString());
  }

  @Test
  void blankIsNoTimetable() {
    assertSame(ThroughputTimetable.NONE, ThroughputTimetable.parse("  "));
    assertTrue(ThroughputTimetable.NONE.isEmpty());
  }

  @Test
  void eachWrongEntryIsNamedWithWhatIsWrong() {
    assertEquals(
        "has the entry '24:00,5', whose time is not between 00:00 and 23:59", refused("24:00,5"));
    assertEquals(
        "has the entry '08:60,5', whose time is not between 00:00 and 23:59",
        refused("07:00,off;08:60,5"));
    assertEquals(
        "has the entry '08:00', which is not TIME,RATE (e.g. 08:00,512 or 19:00,off)",
        refused("08:00"));
    assertEquals(
        "has the entry '08:00,512k', whose rate is not a whole number of KB/s above 0 or 'off'"
            + " (no cap)",
        refused("08:00,512k"));
    assertEquals(
        "has the entry '08:00,0', whose rate is not a whole number of KB/s above 0 or 'off'"
            + " (no cap)",
        refused("08:00,0"));
    assertEquals("has two entries for 08:00 ('8:00,off')", refused("08:00,5;8:00,off"));
  }

  private static String refused(String text) {
    return assertThrows(IllegalArgumentException.class, () -> ThroughputTimetable.parse(text))
        .getMessage();
  }

  @Test
  void theSysKeyIsValidatedWithTheFileLineValueAndAFix() throws Exception {
    Path file = write("workerThroughputTimetable=08:00,512;25:00,off\n");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> new SysConfigLoader().load(file));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(
        file
            + ":1: workerThroughputTimetable='08:00,512;25:00,off': has the entry '25:00,off',"
            + " whose time is not between 00:00 and 23:59;"
            + " e.g. workerThroughputTimetable=08:00,512;19:00,off (or leave it empty)",
        e.problems().get(0).toString());
  }

  @Test
  void theTimetableDecidesTheCapAndAFixedCapBesideItIsWarnedAbout() throws Exception {
    LoadedConfig<SysConfig> loaded =
        new SysConfigLoader()
            .load(write("workerMaxThroughput(KB/s)=100\nworkerThroughputTimetable=09:00,7\n"));

    assertEquals(7, loaded.config().throughputCapAt(at(3, 0)));
    assertEquals(
        "workerThroughputTimetable entry 09:00,7", loaded.config().throughputCapSourceAt(at(3, 0)));
    assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    assertTrue(
        loaded
            .warnings()
            .get(0)
            .toString()
            .contains(
                "workerMaxThroughput(KB/s)='100': is not used while workerThroughputTimetable"),
        loaded.warnings().toString());
  }

  @Test
  void withoutATimetableTheFixedCapHoldsAllDay() throws Exception {
    SysConfig sys = new SysConfigLoader().load(write("workerMaxThroughput(KB/s)=64\n")).config();
    assertEquals(64, sys.throughputCapAt(at(0, 0)));
    assertEquals(64, sys.throughputCapAt(at(23, 59)));
    assertEquals("workerMaxThroughput(KB/s)=64", sys.throughputCapSourceAt(at(12, 0)));
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("sys.properties");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
