package io.ossimport.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.SuppliedCredentials;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external sort of {@code diff}: 1,000 local files, scanned in directory order, sorted in
 * chunks of 100 into OSS's key order and merged against the destination; the chunk files are gone
 * afterwards.
 */
@ExtendWith(OssEmulatorExtension.class)
class JobDiffSortTest {
  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void aThousandLocalFilesSortedInChunksOfAHundredGiveTheSameReportAsInMemory() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      List<String> names = new ArrayList<>();
      Random random = new Random(7);
      for (int i = 0; i < 1000; i++) {
        // names in no order across directories, some above U+FFFF (UTF-16 order differs)
        String name =
            String.format(
                "%s/%s%05d",
                (char) ('a' + random.nextInt(5)),
                i % 7 == 0 ? "\uD83D\uDE00" : i % 7 == 1 ? "\uFF61" : "",
                random.nextInt(100_000));
        if (names.contains(name)) {
          continue;
        }
        names.add(name);
        f.file(name, 4);
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String key = ImportFixture.DEST_PREFIX + names.get(i);
        if (i % 4 == 0) {
          expected.add("MISSING " + key + " 4");
        } else {
          f.client.putObject(f.bucket, key, new ByteArrayInputStream(new byte[4]));
        }
      }
      expected.sort((a, b) -> codePoints(a.split(" ")[1]).compareTo(codePoints(b.split(" ")[1])));
      oss.counters().reset();
      f.open(); // creates nothing; the tree is the working directory
      JobTree tree = new JobTree(f.work);

      DiffReport report =
          new JobDiff(
                  tree,
                  Collections.<String, String>emptyMap(),
                  SuppliedCredentials.none(),
                  f.events,
                  100)
              .diff(f.jobFile(), Collections.<String, String>emptyMap(), DiffCheck.SIZE_AND_MTIME);

      assertEquals(expected, Files.readAllLines(report.reportFile(), StandardCharsets.UTF_8));
      assertEquals(names.size(), report.sourceObjects());
      assertEquals(names.size() - expected.size(), report.matching());
      assertTrue(
          f.events.text().contains("diff sorts the source in 10 chunk files"), f.events.text());
      assertEquals(0, oss.counters().get(Operation.HeadObject), oss.counters().toJson());
      try (Stream<Path> all = Files.walk(f.work)) {
        assertEquals(
            Collections.emptyList(),
            all.map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(".tmp-") || n.startsWith("diff-chunk-"))
                .collect(Collectors.toList()));
      }
    }
  }

  @Test
  void aDestinationThatCannotBeListedLeavesNoChunkFileAndNoReport() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      for (int i = 0; i < 250; i++) {
        f.file("f" + i, 1);
      }
      f.job.put("destBucket", "no-such-bucket-for-diff");

      OssImportException e =
          assertThrows(
              OssImportException.class,
              () ->
                  new JobDiff(
                          new JobTree(f.work),
                          Collections.<String, String>emptyMap(),
                          SuppliedCredentials.none(),
                          f.events,
                          100)
                      .diff(
                          f.jobFile(),
                          Collections.<String, String>emptyMap(),
                          DiffCheck.SIZE_AND_MTIME));

      assertTrue(e.getMessage().startsWith("diff job:local_test: "), e.getMessage());
      assertTrue(e.getMessage().contains("NoSuchBucket"), e.getMessage());
      assertFalse(e.getMessage().contains(oss.secretAccessKey()), e.getMessage());
      try (Stream<Path> all = Files.walk(f.work)) {
        assertEquals(
            Collections.emptyList(),
            all.filter(Files::isRegularFile)
                .map(p -> f.work.relativize(p).toString())
                .collect(Collectors.toList()));
      }
    }
  }

  /** The key as a string of code points in hex, which sorts as OSS does. */
  private static String codePoints(String key) {
    return key.codePoints().mapToObj(c -> String.format("%06x", c)).collect(Collectors.joining());
  }
}
