package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.SkippedList;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScanAccountingScenario} in the build's JVM, and the links when they are allowed. */
@ExtendWith(OssEmulatorExtension.class)
class ScanAccountingEndToEndTest {
  OssEmulator oss;
  @TempDir Path temp;

  @Test
  void everyEntryEndsUploadedSkippedOrFailedAndRetryRedoesOnlyTheFailedOnes() throws Exception {
    ScanAccountingScenario.run(oss, temp);
  }

  @Test
  void withLinksAllowedAFileLinkIsUploadedADirectoryLinkSkippedABrokenLinkFailed()
      throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      byte[] target = f.file("dir/target.txt", 70);
      Files.createSymbolicLink(f.src.resolve("file-link"), f.src.resolve("dir/target.txt"));
      Files.createSymbolicLink(f.src.resolve("dir-link"), f.src.resolve("dir"));
      Files.createSymbolicLink(f.src.resolve("broken-link"), f.src.resolve("nowhere"));
      f.job.put("isAllowSymbolicLink", "true");
      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile());

      JobStatus done;
      try (RunningService service = ossimport.start()) {
        done = service.awaitJob(ImportFixture.JOB, 60_000);
      }

      assertEquals(JobState.Failed, done.state(), f.events.text());
      assertEquals(4, done.totalObjects());
      assertEquals(1, done.failedObjects());
      assertEquals(1, done.skippedObjects());
      assertEquals(2, oss.counters().get(Operation.PutObject), "the file and the file link");
      f.assertStored("file-link", target);
      JobTree tree = new JobTree(f.work);
      List<ErrorEntry> errors = new ArrayList<>();
      try (Stream<TaskRef> failed = tree.tasks(ImportFixture.JOB, TaskState.FAILED)) {
        for (TaskRef t : (Iterable<TaskRef>) failed::iterator) {
          errors.addAll(tree.readErrors(ImportFixture.JOB, t));
        }
      }
      assertEquals(
          Collections.singletonList(
              new ErrorEntry(
                  ReasonCode.BROKEN_SYMBOLIC_LINK,
                  "broken-link",
                  ImportFixture.DEST_PREFIX + "broken-link")),
          errors);
      assertEquals(
          Collections.singletonList(
              new ErrorEntry(
                  ReasonCode.SYMBOLIC_LINK_TO_DIRECTORY,
                  "dir-link",
                  ImportFixture.DEST_PREFIX + "dir-link")),
          SkippedList.read(tree.skippedListFile(ImportFixture.JOB)));
    }
  }

  @Test
  void filesOlderThanImportSinceAreCountedAsSkippedAndListedWithTheRule() throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      f.file("old.txt", 10);
      f.file("new.txt", 20);
      long since = 1_700_000_000L;
      Files.setLastModifiedTime(f.src.resolve("old.txt"), FileTime.fromMillis(since * 1000 - 1000));
      Files.setLastModifiedTime(f.src.resolve("new.txt"), FileTime.fromMillis(since * 1000 + 1000));
      f.job.put("importSince", Long.toString(since));
      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile());

      JobStatus done;
      try (RunningService service = ossimport.start()) {
        done = service.awaitJob(ImportFixture.JOB, 60_000);
      }

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(2, done.totalObjects());
      assertEquals(2, done.doneObjects());
      assertEquals(1, done.skippedObjects());
      assertEquals(1, oss.counters().get(Operation.PutObject), "only new.txt");
      assertEquals(
          Collections.singletonList(
              new ErrorEntry(
                  ReasonCode.OLDER_THAN_IMPORT_SINCE,
                  "old.txt",
                  ImportFixture.DEST_PREFIX + "old.txt")),
          SkippedList.read(new JobTree(f.work).skippedListFile(ImportFixture.JOB)));
    }
  }
}
