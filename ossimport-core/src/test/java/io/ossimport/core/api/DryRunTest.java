package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OssImport#dryRun}: the objects a job would import and what it would leave out, by the
 * worker's rules and reason codes, with nothing written to the job tree and no request to the
 * destination.
 */
@ExtendWith(OssEmulatorExtension.class)
class DryRunTest {
  private static final long IN_WINDOW = 1_650_000_000_000L;

  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void reportsWhatWouldBeImportedAndLeftOutAndWritesNothing() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      file(f, "photos/a.jpg", 100, IN_WINDOW);
      file(f, "photos/c.jpg", 2000, IN_WINDOW);
      file(f, "photos/b.tmp", 100, IN_WINDOW);
      file(f, "photos/tiny.jpg", 10, IN_WINDOW);
      file(f, "photos/old.jpg", 100, 1_500_000_000_000L);
      f.job.put("filter", "- *.tmp; + /photos/**; - **");
      f.job.put("minSize", "50");
      f.job.put("importSince", "1600000000");
      OssImport ossimport = f.open();
      Files.createDirectories(f.work);
      List<String> before = walk(f.work);
      oss.counters().reset();

      DryRunReport report = ossimport.dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertEquals(2, report.objects(), report.text());
      assertEquals(2100, report.bytes());
      List<String> keys = new ArrayList<>();
      for (DryRunReport.Entry e : report.firstObjects()) {
        keys.add(e.reference() + " -> " + e.destinationKey());
      }
      Collections.sort(keys);
      assertEquals(
          java.util.Arrays.asList(
              "photos/a.jpg -> " + ImportFixture.DEST_PREFIX + "photos/a.jpg",
              "photos/c.jpg -> " + ImportFixture.DEST_PREFIX + "photos/c.jpg"),
          keys);
      Map<String, Long> skipped = new LinkedHashMap<>();
      skipped.put("OLDER_THAN_IMPORT_SINCE", 1L);
      skipped.put("EXCLUDED_BY_FILTER", 1L);
      skipped.put("SMALLER_THAN_MIN_SIZE", 1L);
      assertEquals(sorted(skipped), sorted(report.skipped()), report.text());
      assertEquals(Collections.emptyMap(), report.failing(), report.text());
      assertEquals(3, report.examplesLeftOut().size());
      String text = report.text();
      assertTrue(text.contains("Would import: 2 objects, 2100 bytes (2.1 KiB)"), text);
      assertTrue(text.contains("photos/b.tmp: EXCLUDED_BY_FILTER"), text);
      assertTrue(text.contains("  SMALLER_THAN_MIN_SIZE: 1 object\n"), text);
      assertTrue(text.contains("Not checked: objects already at the destination"), text);
      assertFalse(text.contains(oss.secretAccessKey()), text);

      assertEquals(before, walk(f.work), "the working directory is untouched");
      assertEquals(0, oss.counters().total(), oss.counters().toJson());
      assertFalse(report.jobExists());
      assertFalse(report.audit());
    }
  }

  @Test
  void unusableEntriesAreSkippedOrFailingWithTheWorkersCode() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp.resolve("links-off"))) {
      file(f, "ok.txt", 10, IN_WINDOW);
      Files.createSymbolicLink(f.src.resolve("link.txt"), f.src.resolve("ok.txt"));
      f.job.put("isAllowSymbolicLink", "false");

      DryRunReport report = f.open().dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertEquals(1, report.objects(), report.text());
      assertEquals(
          Collections.singletonMap("SYMBOLIC_LINK_NOT_ALLOWED", 1L),
          report.skipped(),
          report.text());
      assertEquals(Collections.emptyMap(), report.failing(), report.text());
    }
    try (ImportFixture f = new ImportFixture(oss, temp.resolve("links-on"))) {
      file(f, "ok.txt", 10, IN_WINDOW);
      Files.createSymbolicLink(f.src.resolve("dangling.txt"), f.src.resolve("nothing"));
      f.job.put("isAllowSymbolicLink", "true");

      DryRunReport report = f.open().dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertEquals(1, report.objects(), report.text());
      assertEquals(
          Collections.singletonMap("BROKEN_SYMBOLIC_LINK", 1L), report.failing(), report.text());
      String text = report.text();
      assertTrue(text.contains("Would fail (cannot be migrated): 1 object\n"), text);
      assertTrue(text.contains("dangling.txt: BROKEN_SYMBOLIC_LINK ("), text);
    }
  }

  @Test
  void anAuditJobSaysItWouldCompareNotImport() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      file(f, "a.txt", 100, IN_WINDOW);
      Files.createSymbolicLink(f.src.resolve("dangling.txt"), f.src.resolve("nothing"));
      f.job.put("isAllowSymbolicLink", "true");
      f.job.put("jobType", "audit");

      DryRunReport report = f.open().dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertTrue(report.audit());
      assertEquals(1, report.objects(), report.text());
      String text = report.text();
      assertTrue(
          text.contains("Would audit (compare with the destination): 1 object, 100 bytes\n"), text);
      assertTrue(text.contains("Would fail (cannot be compared): 1 object\n"), text);
      assertTrue(text.contains("Not checked: what the destination holds"), text);
      assertFalse(text.contains("import"), text);
      assertFalse(text.contains("migrated"), text);
    }
  }

  @Test
  void onlyTheFirstObjectsAreKeptWhateverTheNumberOfFiles() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      for (int i = 0; i < 25; i++) {
        file(f, "d/" + i + ".bin", 3, IN_WINDOW);
      }

      DryRunReport report = f.open().dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertEquals(25, report.objects());
      assertEquals(75, report.bytes());
      assertEquals(DryRunReport.SAMPLE_SIZE, report.firstObjects().size());
      assertTrue(report.text().contains("  ... and 15 more"), report.text());
    }
  }

  @Test
  void aBadConfigurationFailsAsAtSubmitAndWritesNothing() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.job.put("maxSize", "lots");
      OssImport ossimport = f.open();

      ConfigurationException e =
          assertThrows(
              ConfigurationException.class,
              () -> ossimport.dryRun(f.jobFile(), Collections.<String, String>emptyMap()));

      assertEquals("maxSize", e.problems().get(0).key(), e.getMessage());
      assertFalse(Files.exists(f.work), "no working directory");
    }
  }

  @Test
  void anExistingJobIsNotedAndLeftAlone() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      file(f, "a.txt", 10, IN_WINDOW);
      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile());
      List<String> before = walk(f.work);

      DryRunReport report = ossimport.dryRun(f.jobFile(), Collections.<String, String>emptyMap());

      assertTrue(report.jobExists());
      assertTrue(report.text().contains("exists already"), report.text());
      assertEquals(before, walk(f.work));
    }
  }

  private static List<String> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .collect(Collectors.toList());
  }

  /** Every path below {@code dir} with its size and mtime, so that any write shows. */
  private static List<String> walk(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return Collections.emptyList();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<String> out = new ArrayList<>();
      for (Path p : (Iterable<Path>) paths::iterator) {
        out.add(
            dir.relativize(p)
                + " "
                + (Files.isRegularFile(p) ? Files.size(p) : -1)
                + " "
                + Files.getLastModifiedTime(p).toMillis());
      }
      Collections.sort(out);
      return out;
    }
  }

  private static void file(ImportFixture f, String reference, int size, long mtimeMillis)
      throws Exception {
    f.file(reference, size);
    Files.setLastModifiedTime(f.src.resolve(reference), FileTime.fromMillis(mtimeMillis));
  }
}
