package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skipExistMode} from submit to stat over a local source (scanned directory by directory,
 * not in OSS's order): a second run of a migrated tree skips what is there for a few ListObjects
 * and no HEAD, and sends only what changed.
 */
@ExtendWith(OssEmulatorExtension.class)
class SkipExistModeEndToEndTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  @TempDir java.nio.file.Path temp;

  @Test
  void aSecondRunSkipsThreeThousandObjectsByListingAndSendsOnlyTheChangedOnes() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      for (int d = 0; d < 3; d++) {
        for (int i = 0; i < 1000; i++) {
          f.file(String.format("d%d/%s%03d.txt", d, i % 2 == 0 ? "Z" : "a", i), 8);
        }
      }
      OssImport ossimport = f.open();
      assertEquals(JobState.Succeed, run(ossimport, f).state(), f.events.text());
      ossimport.clean(ImportFixture.JOB);
      byte[] changed = f.file("d1/a001.txt", 9);
      f.job.put("isSkipExistFile", "true");
      f.job.put("skipExistMode", "list");
      oss.counters().reset();

      JobStatus second = run(ossimport, f);

      assertEquals(JobState.Succeed, second.state(), f.events.text());
      assertEquals(3000, second.totalObjects());
      assertEquals(2999, second.skippedObjects());
      assertEquals(0, oss.counters().get(Operation.HeadObject), oss.counters().toJson());
      assertEquals(1, oss.counters().get(Operation.PutObject), oss.counters().toJson());
      long lists = oss.counters().get(Operation.ListObjects);
      assertTrue(lists >= 3 && lists <= 4, oss.counters().toJson());
      f.assertStored("d1/a001.txt", changed);
    }
  }

  @Test
  void aBadSkipExistModeIsRefusedAtSubmitWithOneProblemAndNothingWritten() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.job.put("skipExistMode", "HEAD");

      ConfigurationException e =
          assertThrows(ConfigurationException.class, () -> f.open().submit(f.jobFile()));

      assertEquals(1, e.problems().size(), e.getMessage());
      assertEquals("skipExistMode", e.problems().get(0).key());
      assertTrue(e.getMessage().contains("skipExistMode='HEAD'"), e.getMessage());
      assertTrue(!Files.exists(f.work.resolve("master/jobs/" + ImportFixture.JOB)));
    }
  }

  private static JobStatus run(OssImport ossimport, ImportFixture f) throws Exception {
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }
}
