package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.SkippedList;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every entry a local scan meets ends uploaded, skipped by a rule (counted, in {@code
 * skipped.list}) or failed (counted, in {@code error.list} with its reason, the job {@code
 * Failed}); after the fix, {@code retry} and {@code start} upload only those entries. Root reads
 * files and directories whatever their permissions, so the chmod cases (a file and a directory
 * without permissions) run only for another user: {@link ScanAccountingEndToEndTest} runs this in
 * the build's JVM, {@link ScanAccountingAsNobodyIT} in a JVM run as {@code nobody} when the build
 * runs as root. JUnit's assertions work in both; {@link #main} is the forked JVM's entry.
 */
final class ScanAccountingScenario {
  private static final long MINUTE = 60_000;

  private ScanAccountingScenario() {}

  /** {@code <temp dir>}: runs the scenario with an emulator of its own; prints CHMOD-CASES-RAN. */
  public static void main(String[] args) throws Exception {
    try (OssEmulator oss = OssEmulator.builder().inMemory().build().start()) {
      if (run(oss, Paths.get(args[0]))) {
        System.out.println("CHMOD-CASES-RAN");
      }
    }
    System.exit(0);
  }

  /**
   * Runs the scenario; the chmod cases only when not run by root.
   *
   * @return whether the chmod cases ran
   */
  static boolean run(OssEmulator oss, Path temp) throws Exception {
    try (ImportFixture f = new ImportFixture(oss, temp)) {
      try {
        return run(oss, f);
      } finally {
        for (String p : Arrays.asList("secret.txt", "locked")) {
          if (Files.exists(f.src.resolve(p))) {
            Files.setPosixFilePermissions(
                f.src.resolve(p), PosixFilePermissions.fromString("rwx------"));
          }
        }
      }
    }
  }

  private static boolean run(OssEmulator oss, ImportFixture f) throws Exception {
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "the undecodable name below is made for a UTF-8 file-name charset");
    boolean root = "root".equals(System.getProperty("user.name"));
    f.file("ok/a.txt", 100);
    f.file("ok/b.txt", 200);
    Files.createSymbolicLink(f.src.resolve("link.txt"), f.src.resolve("ok/a.txt"));
    Files.createDirectories(f.src.resolve("ok/empty"));
    Path pipe = f.src.resolve("pipe");
    assumeTrue(run("mkfifo", pipe.toString()), "mkfifo is not available");
    Files.createDirectories(f.src.resolve("names"));
    assumeTrue(
        run(
            "sh",
            "-c",
            "printf x > \"$1/$(printf 'bad\\377name')\"",
            "sh",
            f.src.resolve("names").toString()),
        "cannot create a file with a non-UTF-8 name");
    String undecodable = "names/bad\uFFFDname"; // what the JVM makes of the name
    Map<String, ReasonCode> expectedFailures = new TreeMap<>();
    expectedFailures.put("pipe", ReasonCode.SPECIAL_FILE);
    expectedFailures.put(undecodable, ReasonCode.UNDECODABLE_NAME);
    if (!root) {
      f.file("secret.txt", 30);
      f.file("locked/inner.txt", 40);
      chmod(f, "secret.txt", "---------");
      chmod(f, "locked", "---------");
      expectedFailures.put("secret.txt", ReasonCode.SOURCE_UNREADABLE);
      expectedFailures.put("locked", ReasonCode.UNREADABLE_DIRECTORY);
    }
    f.sys.put("workerTaskThreadNum", "1");
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    JobTree tree = new JobTree(f.work);

    JobStatus failed = runJob(ossimport);

    assertEquals(JobState.Failed, failed.state(), f.events.text());
    Map<String, ReasonCode> failures = new TreeMap<>();
    for (ErrorEntry e : errors(tree)) {
      failures.put(e.source(), e.reason());
      assertEquals(ImportFixture.DEST_PREFIX + e.source(), e.destination());
    }
    assertEquals(expectedFailures, failures);
    assertEquals(expectedFailures.size(), failed.failedObjects());
    assertEquals(2, failed.skippedObjects(), "the link (isAllowSymbolicLink=false), ok/empty");
    assertEquals(2 + 2 + expectedFailures.size(), failed.totalObjects());
    List<ErrorEntry> skipped =
        new ArrayList<>(SkippedList.read(tree.skippedListFile(ImportFixture.JOB)));
    skipped.sort(Comparator.comparing(ErrorEntry::source));
    assertEquals(
        Arrays.asList(
            new ErrorEntry(
                ReasonCode.SYMBOLIC_LINK_NOT_ALLOWED,
                "link.txt",
                ImportFixture.DEST_PREFIX + "link.txt"),
            new ErrorEntry(
                ReasonCode.EMPTY_DIRECTORY, "ok/empty", ImportFixture.DEST_PREFIX + "ok/empty")),
        skipped);
    assertEquals(2, oss.counters().get(Operation.PutObject), "only the two regular files");
    assertTrue(
        !f.events.messagesContaining("failed pipe").isEmpty()
            || !f.events.messagesContaining("SPECIAL_FILE").isEmpty(),
        f.events.text());

    // The fix: a regular file where the FIFO was, the undecodable name replaced by the name the
    // JVM read, permissions restored.
    Files.delete(pipe);
    f.file("pipe", 50);
    // Java cannot name the file (that is the point), the shell can
    assertTrue(run("sh", "-c", "rm \"$1\"/bad*name", "sh", f.src.resolve("names").toString()));
    f.file(undecodable, 60);
    if (!root) {
      chmod(f, "secret.txt", "rw-------");
      chmod(f, "locked", "rwx------");
    }
    f.files.remove("ok/a.txt"); // uploaded by the first run; checked below, not sent again
    f.files.remove("ok/b.txt");
    oss.counters().reset();
    RetryResult retried = ossimport.retry(ImportFixture.JOB);
    assertEquals(expectedFailures.size(), retried.objectsToRedo());

    JobStatus again = runJob(ossimport);

    assertEquals(JobState.Succeed, again.state(), f.events.text());
    assertEquals(0, again.failedObjects());
    assertEquals(2, again.skippedObjects());
    assertEquals(again.totalObjects(), again.doneObjects(), "the totals follow the relisting");
    assertEquals(
        f.files.size(),
        oss.counters().get(Operation.PutObject),
        "only the fixed entries are sent: " + f.files.keySet());
    f.assertAllStored();
    assertEquals(2, SkippedList.read(tree.skippedListFile(ImportFixture.JOB)).size());
    return !root;
  }

  private static List<ErrorEntry> errors(JobTree tree) throws Exception {
    List<ErrorEntry> all = new ArrayList<>();
    try (Stream<TaskRef> failed = tree.tasks(ImportFixture.JOB, TaskState.FAILED)) {
      for (TaskRef t : (Iterable<TaskRef>) failed::iterator) {
        all.addAll(tree.readErrors(ImportFixture.JOB, t));
      }
    }
    return all;
  }

  private static JobStatus runJob(OssImport ossimport) throws Exception {
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }

  private static void chmod(ImportFixture f, String reference, String mode) throws Exception {
    Files.setPosixFilePermissions(f.src.resolve(reference), PosixFilePermissions.fromString(mode));
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process p =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(devNull()).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static File devNull() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }
}
