package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.SkippedList;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection keys ({@code include}, {@code exclude}, {@code filter}, {@code minSize}, {@code
 * maxSize}, {@code importSince}, {@code importUntil}) from submit to stat over a local source:
 * every object left out is counted as skipped by its rule and listed in {@code skipped.list}, none
 * is sent or failed, and the job succeeds.
 */
@ExtendWith(OssEmulatorExtension.class)
class SelectionRulesEndToEndTest {
  private static final long MINUTE = 60_000;
  private static final long IN_WINDOW = 1_650_000_000_000L;

  OssEmulator oss;
  @TempDir java.nio.file.Path temp;

  @Test
  void eachObjectLeftOutIsSkippedByItsRuleAndOnlyTheSelectedOnesAreSent() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      byte[] selected = file(f, "photos/a.jpg", 100, IN_WINDOW);
      file(f, "photos/b.tmp", 100, IN_WINDOW);
      file(f, "photos/big.jpg", 5000, IN_WINDOW);
      file(f, "photos/tiny.jpg", 10, IN_WINDOW);
      file(f, "photos/old.jpg", 100, 1_500_000_000_000L);
      file(f, "photos/new.jpg", 100, 1_750_000_000_000L);
      file(f, "docs/readme.txt", 100, IN_WINDOW);
      f.job.put("filter", "- *.tmp; + /photos/**; - **");
      f.job.put("minSize", "50");
      f.job.put("maxSize", "4k");
      f.job.put("importSince", "1600000000");
      f.job.put("importUntil", "1700000000");

      JobStatus done = run(f);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(7, done.totalObjects());
      assertEquals(7, done.doneObjects(), "done counts the skipped ones too, as the original");
      assertEquals(6, done.skippedObjects());
      assertEquals(0, done.failedObjects());
      assertEquals(1, oss.counters().get(Operation.PutObject));
      assertEquals(
          Collections.singleton(ImportFixture.DEST_PREFIX + "photos/a.jpg"),
          f.storedObjects().keySet());
      f.assertStored("photos/a.jpg", selected);
      Map<String, ReasonCode> skipped = skipped(f);
      Map<String, ReasonCode> expected = new TreeMap<>();
      expected.put("photos/b.tmp", ReasonCode.EXCLUDED_BY_FILTER);
      expected.put("docs/readme.txt", ReasonCode.EXCLUDED_BY_FILTER);
      expected.put("photos/big.jpg", ReasonCode.LARGER_THAN_MAX_SIZE);
      expected.put("photos/tiny.jpg", ReasonCode.SMALLER_THAN_MIN_SIZE);
      expected.put("photos/old.jpg", ReasonCode.OLDER_THAN_IMPORT_SINCE);
      expected.put("photos/new.jpg", ReasonCode.NEWER_THAN_IMPORT_UNTIL);
      assertEquals(expected, skipped);
    }
  }

  @Test
  void includeAloneMigratesOnlyWhatItNamesAndExcludeAloneEverythingElse() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp.resolve("include"))) {
      file(f, "a/x.jpg", 10, IN_WINDOW);
      file(f, "a/x.png", 10, IN_WINDOW);
      file(f, "b/y.txt", 10, IN_WINDOW);
      f.job.put("include", "*.jpg;/b/**");

      JobStatus done = run(f);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(1, done.skippedObjects());
      assertEquals(2, oss.counters().get(Operation.PutObject));
      assertEquals(Collections.singletonMap("a/x.png", ReasonCode.EXCLUDED_BY_FILTER), skipped(f));
    }
    try (ImportFixture f = new ImportFixture(oss, temp.resolve("exclude"))) {
      file(f, "a/x.jpg", 10, IN_WINDOW);
      file(f, "a/x.png", 10, IN_WINDOW);
      f.job.put("exclude", "*.jpg");

      JobStatus done = run(f);

      assertEquals(1, done.skippedObjects());
      assertEquals(Collections.singletonMap("a/x.jpg", ReasonCode.EXCLUDED_BY_FILTER), skipped(f));
    }
  }

  @Test
  void aBadFilterValueIsRefusedAtSubmitWithOneProblemAndNothingWritten() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.job.put("filter", "- *.tmp; *.jpg");
      f.job.put("maxSize", "lots");

      ConfigurationException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ConfigurationException.class, () -> f.open().submit(f.jobFile()));

      assertEquals(2, e.problems().size(), e.getMessage());
      assertEquals("filter", e.problems().get(0).key());
      assertTrue(e.problems().get(0).toString().contains("'*.jpg' is not a rule"), e.getMessage());
      assertEquals("maxSize", e.problems().get(1).key());
      assertTrue(!Files.exists(f.work.resolve("master/jobs/" + ImportFixture.JOB)));
    }
  }

  private static byte[] file(ImportFixture f, String reference, int size, long mtimeMillis)
      throws Exception {
    byte[] content = f.file(reference, size);
    Files.setLastModifiedTime(f.src.resolve(reference), FileTime.fromMillis(mtimeMillis));
    return content;
  }

  private static JobStatus run(ImportFixture f) throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }

  private static Map<String, ReasonCode> skipped(ImportFixture f) throws Exception {
    JobTree tree = new JobTree(f.work);
    Map<String, ReasonCode> out = new TreeMap<>();
    for (ErrorEntry e : SkippedList.read(tree.skippedListFile(ImportFixture.JOB))) {
      out.put(e.source(), e.reason());
    }
    return out;
  }
}
