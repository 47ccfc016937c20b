package io.ossimport.core.source.local;

import static io.ossimport.core.source.local.Scans.byReference;
import static io.ossimport.core.source.local.Scans.file;
import static io.ossimport.core.source.local.Scans.listAll;
import static io.ossimport.core.source.local.Scans.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SkipReason;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.UnusableEntryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceTest {
  @TempDir Path root;

  @Test
  void listsFilesOfNestedDirectoriesWithSlashSeparatedRelativeReferences() throws Exception {
    file(root, "top.txt", 3);
    file(root, "a/one.bin", 10);
    file(root, "a/b/c/deep.bin", 0);
    Files.setLastModifiedTime(root.resolve("a/one.bin"), FileTime.fromMillis(1_500_000_000_123L));

    Map<String, SourceObject> listed = byReference(listAll(settings(root).build()));

    assertEquals(
        new TreeSet<>(Arrays.asList("top.txt", "a/one.bin", "a/b/c/deep.bin")),
        new TreeSet<>(listed.keySet()));
    assertEquals(10, listed.get("a/one.bin").size());
    assertEquals(1_500_000_000_123L, listed.get("a/one.bin").lastModifiedMillis());
    assertEquals(0, listed.get("a/b/c/deep.bin").size());
    assertTrue(listed.get("top.txt").isKeyValid());
  }

  @Test
  void onlyADirectoryWithNothingInItIsAnEntryForTheWorkerToSkip() throws Exception {
    Files.createDirectories(root.resolve("empty/nested/deeper"));
    Files.createDirectories(root.resolve("other"));
    file(root, "other/f", 1);
    LocalSource source = new LocalSource(settings(root).build());

    assertEquals(
        Arrays.asList("empty/nested/deeper", "other/f"),
        references(listAll(source, ListingListener.IGNORE)));
    assertEquals(SkipReason.EMPTY_DIRECTORY, unusable(source, "empty/nested/deeper"));
  }

  @Test
  void namesWithSpacesTabsAndUnicodeAreListedAsTheyAre() throws Exception {
    assumeTrue(Scans.fileNamesAreUtf8(), "needs a UTF-8 locale to create Unicode names");
    List<String> names =
        Arrays.asList("with space.txt", "tab\there", "日本語/ファイル.txt", "é/ü ñ", "emoji 😀");
    for (String n : names) {
      file(root, n, 1);
    }

    List<SourceObject> listed = listAll(settings(root).build());

    assertEquals(new TreeSet<>(names), new TreeSet<>(references(listed)));
    assertTrue(listed.stream().allMatch(SourceObject::isKeyValid));
  }

  @Test
  void namesWithLineBreaksAreListedWithAnInvalidKeyInsteadOfDropped() throws Exception {
    file(root, "line\nfeed", 1);
    file(root, "carriage\rreturn", 2);
    file(root, "fine", 3);

    Map<String, SourceObject> listed = byReference(listAll(settings(root).build()));

    assertEquals(3, listed.size());
    assertFalse(listed.get("line\nfeed").isKeyValid());
    assertTrue(listed.get("line\nfeed").invalidKeyReason().contains("line feed"));
    assertFalse(listed.get("carriage\rreturn").isKeyValid());
    assertTrue(listed.get("carriage\rreturn").invalidKeyReason().contains("carriage return"));
    assertTrue(listed.get("fine").isKeyValid());
  }

  @Test
  void aKeyLongerThan1023BytesIsFlaggedInvalidCountingTheDestinationPrefix() throws Exception {
    char[] name = new char[200];
    Arrays.fill(name, 'x');
    String component = new String(name);
    // 5 x 200 + 5 separators + "f" = 1006 bytes: valid alone, too long behind a 20-byte prefix.
    String deep = String.join("/", component, component, component, component, component, "f");
    String prefix = "backup/2024-01-01/x/";
    file(root, deep, 1);

    SourceObject alone = listAll(settings(root).build()).get(0);
    SourceObject prefixed = listAll(settings(root).keyPrefix(prefix).build()).get(0);

    assertTrue(alone.isKeyValid());
    assertFalse(prefixed.isKeyValid());
    int keyBytes = prefix.length() + deep.length();
    assertTrue(
        prefixed.invalidKeyReason().contains(keyBytes + " bytes"), prefixed.invalidKeyReason());
  }

  @Test
  void symbolicLinksAreListedAndTheirStatSaysTheRuleWhenNotAllowed() throws Exception {
    makeLinks();
    LocalSource source = new LocalSource(settings(root).build());

    List<SourceObject> listed = listAll(source, ListingListener.IGNORE);

    assertEquals(
        Arrays.asList(
            "broken-link",
            "dir-link",
            "dir/target.txt",
            "file-link",
            "loop-a",
            "loop-b",
            "target.txt"),
        sortedReferences(listed));
    for (String link : Arrays.asList("file-link", "dir-link", "broken-link", "loop-a", "loop-b")) {
      assertEquals(SkipReason.SYMBOLIC_LINK_NOT_ALLOWED, unusable(source, link), link);
      long linkTime =
          Files.getLastModifiedTime(root.resolve(link), LinkOption.NOFOLLOW_LINKS).toMillis();
      assertEquals(linkTime, byReference(listed).get(link).lastModifiedMillis(), link);
    }
  }

  /** What the source's stat says an entry is that it cannot migrate. */
  private static SkipReason unusable(LocalSource source, String reference) {
    return assertThrows(UnusableEntryException.class, () -> source.stat(reference)).reason();
  }

  @Test
  void allowedSymbolicLinksListLinkedFilesButNeverFollowDirectories() throws Exception {
    makeLinks();
    LocalSource source = new LocalSource(settings(root).allowSymbolicLinks(true).build());

    Map<String, SourceObject> listed = byReference(listAll(source, ListingListener.IGNORE));

    assertEquals(
        new TreeSet<>(
            Arrays.asList(
                "dir/target.txt",
                "target.txt",
                "file-link",
                "dir-link",
                "broken-link",
                "loop-a",
                "loop-b")),
        new TreeSet<>(listed.keySet()));
    assertEquals(5, listed.get("file-link").size(), "a file link is listed with its target's size");
    assertEquals(5, source.stat("file-link").size());
    assertEquals(SkipReason.SYMBOLIC_LINK_TO_DIRECTORY, unusable(source, "dir-link"));
    assertEquals(SkipReason.BROKEN_SYMBOLIC_LINK, unusable(source, "broken-link"));
    assertEquals(SkipReason.BROKEN_SYMBOLIC_LINK, unusable(source, "loop-a"));
    assertEquals(SkipReason.BROKEN_SYMBOLIC_LINK, unusable(source, "loop-b"));
    UnusableEntryException broken =
        assertThrows(UnusableEntryException.class, () -> source.stat("broken-link"));
    assertTrue(broken.getMessage().contains("missing"), broken.getMessage());
  }

  private void makeLinks() throws IOException {
    file(root, "target.txt", 5);
    file(root, "dir/target.txt", 1);
    Files.createSymbolicLink(root.resolve("file-link"), root.resolve("target.txt"));
    Files.createSymbolicLink(root.resolve("dir-link"), root.resolve("dir"));
    Files.createSymbolicLink(root.resolve("broken-link"), root.resolve("nowhere"));
    Files.createSymbolicLink(root.resolve("loop-a"), root.resolve("loop-b"));
    Files.createSymbolicLink(root.resolve("loop-b"), root.resolve("loop-a"));
  }

  @Test
  void anEmptyDirectoryIsAnEntryOfItsOwnAtEveryScanDepthAndItsStatSaysEmpty() throws Exception {
    file(root, "a/f", 1);
    Files.createDirectories(root.resolve("a/empty"));
    Files.createDirectories(root.resolve("a/b/deeper-empty"));
    Files.createDirectories(root.resolve("top-empty"));
    for (int depth = 1; depth <= 3; depth++) {
      LocalSource source =
          new LocalSource(settings(root).maxMultiThreadScanDepth(depth).scanThreadCount(2).build());

      List<SourceObject> listed = listAll(source, ListingListener.IGNORE);

      assertEquals(
          Arrays.asList("a/b/deeper-empty", "a/empty", "a/f", "top-empty"),
          sortedReferences(listed),
          "depth " + depth);
      assertEquals(SkipReason.EMPTY_DIRECTORY, unusable(source, "a/empty"));
      assertEquals(SkipReason.EMPTY_DIRECTORY, unusable(source, "top-empty"));
    }
  }

  @Test
  void aFifoIsListedAndItsStatSaysSpecialFile() throws Exception {
    file(root, "sub/regular", 1);
    Path fifo = root.resolve("sub/pipe");
    assumeTrue(Scans.run("mkfifo", fifo.toString()), "mkfifo is not available");
    LocalSource source = new LocalSource(settings(root).build());

    List<SourceObject> listed = listAll(source, ListingListener.IGNORE);

    assertEquals(Arrays.asList("sub/pipe", "sub/regular"), references(listed));
    assertEquals(SkipReason.SPECIAL_FILE, unusable(source, "sub/pipe"));
    UnusableEntryException e =
        assertThrows(UnusableEntryException.class, () -> source.stat("sub/pipe"));
    assertTrue(e.getMessage().contains("FIFO"), e.getMessage());
  }

  @Test
  void importSinceListsOlderFilesTooForTheWorkerToSkipAndCount() throws Exception {
    long since = 1_600_000_000L;
    touch(file(root, "older", 1), since * 1000 - 1);
    touch(file(root, "d/exactly", 1), since * 1000);
    touch(file(root, "d/newer", 1), since * 1000 + 1500);

    List<SourceObject> all = listAll(settings(root).build());
    List<SourceObject> recent = listAll(settings(root).importSinceSeconds(since).build());

    assertEquals(3, all.size(), "importSince=0 lists everything");
    assertEquals(Arrays.asList("d/exactly", "d/newer", "older"), sortedReferences(recent));
    assertEquals(since * 1000 - 1, byReference(recent).get("older").lastModifiedMillis());
  }

  @Test
  void anUnreadableDirectoryIsReportedAndTheRestIsListed() throws Exception {
    assumeFalse(Scans.runsAsRoot(), "root reads any directory; UnreadableDirectoryIT covers it");
    file(root, "locked/secret", 1);
    file(root, "open/visible", 1);
    Files.setPosixFilePermissions(
        root.resolve("locked"), PosixFilePermissions.fromString("---------"));
    try {
      LocalSource source = new LocalSource(settings(root).build());
      List<SourceObject> listed = listAll(source, ListingListener.IGNORE);
      assertEquals(Arrays.asList("locked", "open/visible"), references(listed));
      assertEquals(SkipReason.UNREADABLE_DIRECTORY, unusable(source, "locked"));
    } finally {
      Files.setPosixFilePermissions(
          root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aNameThatIsNotValidInThePlatformCharsetIsReportedWithoutStoppingTheScan() throws Exception {
    file(root, "d/good", 1);
    // Byte 0xFF is never valid UTF-8 (nor ASCII); Java cannot create such a name itself.
    assumeTrue(
        Scans.run(
            "sh",
            "-c",
            "printf x > \"$1/$(printf 'bad\\377name')\"",
            "sh",
            root.resolve("d").toString()),
        "cannot create a file with a non-UTF-8 name");
    LocalSource source = new LocalSource(settings(root).build());

    List<SourceObject> listed = listAll(source, ListingListener.IGNORE);

    assertEquals(2, listed.size(), listed.toString());
    String bad = sortedReferences(listed).get(0);
    assertTrue(bad.startsWith("d/bad"), bad);
    assertEquals("d/good", sortedReferences(listed).get(1));
    assertEquals(SkipReason.UNDECODABLE_NAME, unusable(source, bad));
  }

  @Test
  void aMissingRootIsAnErrorNamingSrcPrefix() {
    LocalSource source = new LocalSource(settings(root.resolve("absent")).build());

    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> source.list(null, ListingListener.IGNORE));
    assertTrue(e.getMessage().contains("srcPrefix"), e.getMessage());
  }

  @Test
  void everyThreadAndDepthSettingListsTheSameObjects() throws Exception {
    TreeGenerator.generate(root, 7, 400);
    List<String> expected = sortedReferences(listAll(settings(root).build()));

    for (int threads : new int[] {1, 2, 5}) {
      for (int depth : new int[] {1, 2, 4}) {
        List<SourceObject> listed =
            listAll(settings(root).scanThreadCount(threads).maxMultiThreadScanDepth(depth).build());
        byReference(listed);
        assertEquals(expected, sortedReferences(listed), threads + " threads, depth " + depth);
      }
    }
  }

  @Test
  void entriesOfOneSubtreeUnitArriveInDepthFirstNameOrder() throws Exception {
    TreeGenerator.generate(root, 11, 600);

    List<SourceObject> listed =
        listAll(settings(root).scanThreadCount(4).maxMultiThreadScanDepth(1).build());

    Map<String, List<String>> perUnit = new java.util.HashMap<>();
    for (SourceObject o : listed) {
      int slash = o.reference().indexOf('/');
      String unit = slash < 0 ? "" : o.reference().substring(0, slash);
      perUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(o.reference());
    }
    assertTrue(perUnit.size() > 3, "the tree has several units");
    for (List<String> refs : perUnit.values()) {
      List<String> sorted = new ArrayList<>(refs);
      sorted.sort(Names::comparePaths);
      assertEquals(sorted, refs);
    }
  }

  @Test
  void aFinishedListingCheckpointsAsDoneAndResumesToNothing() throws Exception {
    TreeGenerator.generate(root, 3, 50);
    LocalSource source =
        new LocalSource(settings(root).scanThreadCount(3).maxMultiThreadScanDepth(2).build());
    String checkpoint;
    try (Listing listing = source.list(null, ListingListener.IGNORE)) {
      Scans.drain(listing);
      checkpoint = listing.checkpoint();
    }

    assertTrue(checkpoint.endsWith(";done"), checkpoint);
    try (Listing resumed = source.list(checkpoint, ListingListener.IGNORE)) {
      assertNull(resumed.next());
    }
  }

  @Test
  void aCheckpointFromAnotherScanDepthIsRejected() throws Exception {
    file(root, "a/b", 1);
    String checkpoint;
    try (Listing listing =
        new LocalSource(settings(root).maxMultiThreadScanDepth(2).build())
            .list(null, ListingListener.IGNORE)) {
      checkpoint = listing.checkpoint();
    }
    LocalSource other = new LocalSource(settings(root).maxMultiThreadScanDepth(3).build());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> other.list(checkpoint, ListingListener.IGNORE));
    assertTrue(e.getMessage().contains("maxMultiThreadScanDepth=2"), e.getMessage());
  }

  @Test
  void peekDoesNotConsume() throws Exception {
    file(root, "a", 1);
    file(root, "b", 1);
    LocalSource source = new LocalSource(settings(root).build());
    try (Listing listing = source.list(null, ListingListener.IGNORE)) {
      SourceObject first = listing.peek();
      assertEquals(first, listing.peek());
      String beforeNext = listing.checkpoint();
      assertEquals(first, listing.next());
      try (Listing resumed = source.list(beforeNext, ListingListener.IGNORE)) {
        assertEquals(Arrays.asList("a", "b"), references(Scans.drain(resumed)));
      }
    }
  }

  @Test
  void closingMidScanStopsTheScannerThreads() throws Exception {
    TreeGenerator.generate(root, 5, 800);
    LocalListing listing =
        (LocalListing)
            new LocalSource(settings(root).scanThreadCount(4).maxMultiThreadScanDepth(2).build())
                .list(null, ListingListener.IGNORE);
    listing.next();
    listing.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (listing.scannersAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertFalse(listing.scannersAlive(), "scanner threads still running after close");
    assertThrows(IllegalStateException.class, listing::next);
  }

  private static void touch(Path p, long millis) throws IOException {
    Files.setLastModifiedTime(p, FileTime.fromMillis(millis));
  }

  static List<String> references(List<SourceObject> objects) {
    List<String> refs = new ArrayList<>();
    for (SourceObject o : objects) {
      refs.add(o.reference());
    }
    return refs;
  }

  static List<String> sortedReferences(List<SourceObject> objects) {
    List<String> refs = references(objects);
    if (new HashSet<>(refs).size() != refs.size()) {
      throw new AssertionError("duplicates in " + refs);
    }
    refs.sort(null);
    return refs;
  }
}
