package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} over the emulator: every missing, different (size, mtime, CRC-64) and extra object
 * is one report line in key order, from ListObjects pages alone unless {@link DiffCheck#CHECKSUM};
 * nothing is written to the destination nor to the job tree.
 */
@ExtendWith(OssEmulatorExtension.class)
class DiffEndToEndTest {
  /** 2100-01-01T00:00:00Z: a source mtime newer than any upload. */
  private static final long FUTURE = 4_102_444_800_000L;

  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void aLocalSourceOf2500ObjectsReportsEachMissingDifferentAndExtraObjectFromThreePages()
      throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.job.put("exclude", "*.tmp");
      for (int i = 0; i < 2500; i++) {
        f.file(String.format("d%d/f%04d.txt", i % 3, i), 8);
      }
      for (int i = 0; i < 5; i++) {
        f.file("t" + i + ".tmp", 3); // left out by exclude: neither missing nor extra
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        String ref = String.format("d%d/f%04d.txt", i % 3, i);
        String key = ImportFixture.DEST_PREFIX + ref;
        if (i % 10 == 0) {
          expected.add("MISSING " + key + " 8");
          continue;
        }
        put(f, key, i % 10 == 1 ? 9 : 8);
        if (i % 10 == 1) {
          expected.add("DIFFERENT " + key + " size 8 9");
        } else if (i % 10 == 2) {
          Files.setLastModifiedTime(f.src.resolve(ref), FileTime.fromMillis(FUTURE));
        }
      }
      for (int i = 0; i < 100; i++) {
        String key = String.format("%sx/e%03d.bin", ImportFixture.DEST_PREFIX, i);
        put(f, key, 4);
        expected.add("EXTRA " + key + " 4");
      }
      put(f, ImportFixture.DEST_PREFIX + "t0.tmp", 1);
      put(f, ImportFixture.DEST_PREFIX + "old.tmp", 1);
      put(f, "elsewhere/f.txt", 1); // outside destPrefix: not compared
      Map<String, Long> stored = f.storedObjects();
      for (int i = 2; i < 2500; i += 10) {
        String key = String.format("%sd%d/f%04d.txt", ImportFixture.DEST_PREFIX, i % 3, i);
        expected.add(
            "DIFFERENT "
                + key
                + " mtime "
                + Instant.ofEpochMilli(FUTURE)
                + " "
                + Instant.ofEpochMilli(stored.get(key) / 1000 * 1000));
      }
      Collections.sort(expected, (a, b) -> key(a).compareTo(key(b)));
      oss.counters().reset();

      DiffReport report =
          f.open()
              .diff(f.jobFile(), Collections.<String, String>emptyMap(), DiffCheck.SIZE_AND_MTIME);

      assertSameLines(expected, lines(report.reportFile()));
      assertEquals(2500, report.sourceObjects(), report.text());
      assertEquals(2500 - 750, report.matching(), report.text());
      assertEquals(250, report.missing(), report.text());
      assertEquals(250 * 8, report.missingBytes(), report.text());
      assertEquals(500, report.different(), report.text());
      assertEquals(100, report.extra(), report.text());
      assertEquals(400, report.extraBytes(), report.text());
      assertTrue(report.hasDifferences());
      assertTrue(report.text().contains("missing: 250 (2000 bytes)\n"), report.text());
      // 2,250 + 100 + 2 objects under destPrefix: three pages of 1,000
      assertEquals(3, oss.counters().get(Operation.ListObjects), oss.counters().toJson());
      assertEquals(0, oss.counters().get(Operation.HeadObject), oss.counters().toJson());
      assertEquals(0, oss.counters().get(Operation.PutObject), oss.counters().toJson());
      assertTrue(
          report.reportFile().startsWith(f.work.resolve("logs")), report.reportFile().toString());
      assertTrue(
          report
              .reportFile()
              .getFileName()
              .toString()
              .matches("diff-local_test-\\d{8}T\\d{6}Z\\.report"),
          report.reportFile().toString());
      assertFalse(Files.exists(f.work.resolve("master/jobs/" + ImportFixture.JOB)));
      assertEquals(Collections.emptyList(), leftovers(f.work));
    }
  }

  @Test
  void aDestinationThatMatchesReportsNothingAndAnEmptyFile() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.file("a.txt", 5);
      put(f, ImportFixture.DEST_PREFIX + "a.txt", 5);

      DiffReport report =
          f.open()
              .diff(f.jobFile(), Collections.<String, String>emptyMap(), DiffCheck.SIZE_AND_MTIME);

      assertFalse(report.hasDifferences(), report.text());
      assertEquals(1, report.matching());
      assertEquals(Collections.emptyList(), lines(report.reportFile()));
      assertTrue(report.text().endsWith("the destination matches the source\n"), report.text());
    }
  }

  @Test
  void aBadJobFileIsRefusedAsSubmitRefusesItAndNothingIsWritten() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.job.put("skipExistMode", "HEAD");

      ConfigurationException e =
          assertThrows(
              ConfigurationException.class,
              () ->
                  f.open()
                      .diff(
                          f.jobFile(),
                          Collections.<String, String>emptyMap(),
                          DiffCheck.SIZE_AND_MTIME));

      assertEquals("skipExistMode", e.problems().get(0).key());
      assertFalse(Files.exists(f.work.resolve("logs")), "nothing written");
    }
  }

  @Test
  void anOssSourceStreamsInKeyOrderAndChecksumFindsTheSameSizeWithOtherBytes() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      String srcBucket = f.bucket + "-src";
      oss.createBucket(srcBucket);
      f.job.put("srcType", "oss");
      f.job.put("srcDomain", oss.endpoint());
      f.job.put("srcBucket", srcBucket);
      f.job.put("srcPrefix", "photos/");
      f.job.put("srcAccessKey", oss.accessKeyId());
      f.job.put("srcSecretKey", oss.secretAccessKey());
      OSS client =
          new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
      try {
        // code point order differs from UTF-16 order above U+FFFF: \uFF61 sorts before 😀 in OSS
        String[] names = {"a.jpg", "b.jpg", "c\uD83D\uDE00.jpg", "c\uFF61.jpg", "d.jpg"};
        for (String n : names) {
          client.putObject(srcBucket, "photos/" + n, bytes("same-size-" + n.length()));
        }
        put(f, ImportFixture.DEST_PREFIX + "a.jpg", bytes2("same-size-5")); // alike
        put(f, ImportFixture.DEST_PREFIX + "b.jpg", bytes2("SAME-SIZE-5")); // other bytes
        put(f, ImportFixture.DEST_PREFIX + "c\uFF61.jpg", bytes2("same-size-6"));
        put(f, ImportFixture.DEST_PREFIX + "c\uD83D\uDE00.jpg", bytes2("same-size-7"));
        put(f, ImportFixture.DEST_PREFIX + "e.jpg", bytes2("x"));
        oss.counters().reset();

        DiffReport quick =
            f.open()
                .diff(
                    f.jobFile(), Collections.<String, String>emptyMap(), DiffCheck.SIZE_AND_MTIME);

        assertEquals(
            java.util.Arrays.asList("MISSING backup/d.jpg 11", "EXTRA backup/e.jpg 1"),
            lines(quick.reportFile()));
        assertEquals(0, oss.counters().get(Operation.HeadObject), oss.counters().toJson());

        DiffReport checked =
            f.open().diff(f.jobFile(), Collections.<String, String>emptyMap(), DiffCheck.CHECKSUM);

        List<String> lines = lines(checked.reportFile());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("DIFFERENT backup/b.jpg crc64 "), lines.toString());
        assertEquals("MISSING backup/d.jpg 11", lines.get(1));
        assertEquals(1, checked.different());
        assertEquals(3, checked.matching());
      } finally {
        client.shutdown();
      }
    }
  }

  /** The first line that differs, not thousands of lines in the message. */
  private static void assertSameLines(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
    }
    assertEquals(expected.size(), actual.size(), "lines");
  }

  private static void put(ImportFixture f, String key, int size) {
    put(f, key, new byte[size]);
  }

  private static void put(ImportFixture f, String key, byte[] content) {
    f.client.putObject(f.bucket, key, new ByteArrayInputStream(content));
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes2(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String key(String line) {
    return line.split(" ")[1];
  }

  static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** Temp and chunk files left in the working directory. */
  static List<String> leftovers(Path work) throws Exception {
    try (Stream<Path> all = Files.walk(work)) {
      return all.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".tmp-") || n.startsWith("diff-chunk-"))
          .collect(Collectors.toList());
    }
  }
}
