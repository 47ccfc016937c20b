package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFileTest {
  @TempDir Path dir;

  @Test
  void nastyNamesRoundTripThroughATaskFile() throws IOException {
    List<TaskEntry> entries = new ArrayList<>();
    for (String name : NameCodecTest.NASTY_NAMES) {
      entries.add(new TaskEntry(name, "dest/" + name, 12, 1_700_000_000_123L, 2));
    }
    entries.add(TaskEntry.of(repeat('a', 1023), repeat('中', 341), 0, -1)); // 1023 bytes each
    entries.add(TaskEntry.of(RawNames.fromBytes(new byte[] {(byte) 0xFF, 'x'}), "k", -1, 5));

    assertEquals(entries, readBack(write(entries)));
  }

  @Test
  void randomNamesRoundTrip() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<TaskEntry> entries = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String source = RawNames.fromBytes(NameCodecTest.randomBytes(random));
      String destination = NameCodecTest.randomUnicode(random);
      entries.add(
          new TaskEntry(
              source,
              destination,
              random.nextInt(1 << 30),
              random.nextLong(),
              1 + random.nextInt(9)));
    }
    assertEquals(entries, readBack(write(entries)), "seed " + seed);
  }

  @Test
  void fiftyThousandEntriesAreWrittenAndReadOneByOne() throws IOException {
    Path file = dir.resolve("TASK");
    int n = 50_000;
    try (OutputStream out = Files.newOutputStream(file)) {
      TaskFileWriter writer = new TaskFileWriter(out);
      for (int i = 0; i < n; i++) {
        writer.write(TaskEntry.of("dir/file " + i, "prefix/dir/file " + i, i, 1000L + i));
      }
      writer.flush();
    }
    long count = 0;
    long sizes = 0;
    try (TaskFileReader reader = TaskFileReader.open(file)) {
      for (TaskEntry e = reader.next(); e != null; e = reader.next()) {
        assertEquals("dir/file " + count, e.source());
        assertEquals(count, reader.index());
        sizes += e.size();
        count++;
      }
    }
    assertEquals(n, count);
    assertEquals((long) n * (n - 1) / 2, sizes);
  }

  @Test
  void headerCarriesTheFormatVersionAndFieldsAreTabSeparated() throws IOException {
    String text =
        new String(write(Arrays.asList(TaskEntry.of("a b", "x\ty", 3, 4))), StandardCharsets.UTF_8);
    assertEquals("ossimport-task 1\na b\tx%09y\t3\t4\t1\n", text);
  }

  @Test
  void newerFormatVersionIsRefusedWithTheFileName() {
    Path name = Paths.get("some/TASK");
    CorruptFileException e =
        assertThrows(
            CorruptFileException.class,
            () -> TaskFileReader.of(stream("ossimport-task 2\n"), name));
    assertTrue(e.getMessage().contains("some") && e.getMessage().contains("version '2'"));
  }

  @Test
  void malformedLineIsReportedWithFileAndLineNumber() throws IOException {
    try (TaskFileReader r =
        TaskFileReader.of(stream("ossimport-task 1\na\tb\t1\t2\t1\nbroken line\n"), dir)) {
      r.next();
      CorruptFileException e = assertThrows(CorruptFileException.class, r::next);
      assertTrue(e.getMessage().contains(dir + " line 3"), e.getMessage());
    }
  }

  @Test
  void emptyTaskHasNoEntries() throws IOException {
    try (TaskFileReader r = TaskFileReader.of(stream("ossimport-task 1\n"), dir)) {
      assertNull(r.next());
    }
  }

  private static byte[] write(List<TaskEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TaskFileWriter writer = new TaskFileWriter(out);
    for (TaskEntry e : entries) {
      writer.write(e);
    }
    writer.flush();
    return out.toByteArray();
  }

  private List<TaskEntry> readBack(byte[] bytes) throws IOException {
    List<TaskEntry> back = new ArrayList<>();
    try (TaskFileReader r = TaskFileReader.of(new ByteArrayInputStream(bytes), dir)) {
      for (TaskEntry e = r.next(); e != null; e = r.next()) {
        back.add(e);
      }
    }
    return back;
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String repeat(char c, int n) {
    char[] chars = new char[n];
    Arrays.fill(chars, c);
    return new String(chars);
  }
}
