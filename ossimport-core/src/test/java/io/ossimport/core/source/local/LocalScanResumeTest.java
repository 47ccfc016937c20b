package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from a checkpoint taken at any point, with any number of scanner threads, loses nothing
 * and lists nothing twice: objects and reported skips alike.
 */
class LocalScanResumeTest {
  @TempDir static Path root;

  private static List<String> fullObjects;
  private static List<String> fullSkips;

  @BeforeAll
  static void buildTree() throws Exception {
    int links = TreeGenerator.generate(root, 42, 3000);
    RecordingListener events = new RecordingListener();
    fullObjects = LocalSourceTest.sortedReferences(Scans.listAll(source(1, 1), events));
    fullSkips = sorted(events.references);
    // the broken links and the empty directories are entries too (the worker records them)
    int files = 0;
    int linked = 0;
    for (String reference : fullObjects) {
      Path p = root.resolve(reference);
      if (Files.isSymbolicLink(p)) {
        linked++;
      } else if (Files.isRegularFile(p)) {
        files++;
      } else {
        assertTrue(Files.isDirectory(p) && emptyDirectory(p), reference);
      }
    }
    assertEquals(3000, files);
    assertEquals(links, linked);
    assertEquals(0, fullSkips.size());
  }

  private static boolean emptyDirectory(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      return !entries.findAny().isPresent();
    }
  }

  @Test
  void resumingFromACheckpointAtRandomCutPointsListsEverythingExactlyOnce() throws Exception {
    Random random = new Random(7);
    int[][] shapes = {{1, 1}, {3, 1}, {4, 2}, {2, 3}, {5, 6}};
    for (int[] shape : shapes) {
      for (int round = 0; round < 6; round++) {
        int cut = random.nextInt(fullObjects.size() + 1);
        assertResumesExactly(shape[0], shape[1], new int[] {cut}, false);
      }
    }
  }

  @Test
  void aChainOfStopsAndResumesListsEverythingExactlyOnce() throws Exception {
    Random random = new Random(11);
    for (int[] shape : new int[][] {{4, 1}, {3, 2}, {6, 4}}) {
      int[] cuts = new int[8];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = random.nextInt(fullObjects.size() / 4);
      }
      assertResumesExactly(shape[0], shape[1], cuts, false);
    }
  }

  @Test
  void abandoningTheListingWithoutClosingItStillResumesExactly() throws Exception {
    Random random = new Random(13);
    for (int[] shape : new int[][] {{4, 1}, {3, 2}, {2, 5}}) {
      int cut = random.nextInt(fullObjects.size());
      assertResumesExactly(shape[0], shape[1], new int[] {cut}, true);
    }
  }

  @Test
  void checkpointsStaySmallOnAWideTree(@TempDir Path wide) throws Exception {
    for (int d = 0; d < 1000; d++) {
      Path dir = Files.createDirectories(wide.resolve(String.format("dir%04d", d)));
      Files.createFile(dir.resolve("f"));
    }
    LocalSource source =
        new LocalSource(Scans.settings(wide).scanThreadCount(4).maxMultiThreadScanDepth(1).build());
    int longest = 0;
    try (Listing listing = source.list(null, io.ossimport.core.source.ListingListener.IGNORE)) {
      while (listing.next() != null) {
        longest = Math.max(longest, listing.checkpoint().length());
      }
    }
    // Bounded by units in flight (threads + queued batches), not by the 1000 directories.
    assertTrue(longest < 40 * 30, "longest checkpoint: " + longest + " characters");
  }

  /**
   * Consumes {@code cuts[i]} objects, checkpoints, stops, resumes from the checkpoint in a fresh
   * listing, repeats, then drains; asserts the concatenation equals the full listing.
   */
  private static void assertResumesExactly(int threads, int depth, int[] cuts, boolean abandon)
      throws Exception {
    List<String> objects = new ArrayList<>();
    List<Listing> abandoned = new ArrayList<>();
    RecordingListener events = new RecordingListener();
    String checkpoint = null;
    for (int hop = 0; hop < cuts.length; hop++) {
      int cut = cuts[hop];
      // The checkpoint does not depend on the thread count: alternate it between runs.
      Listing listing = source(hop % 2 == 0 ? threads : 1, depth).list(checkpoint, events);
      for (int i = 0; i < cut; i++) {
        SourceObject o = listing.next();
        if (o == null) {
          break;
        }
        objects.add(o.reference());
      }
      checkpoint = listing.checkpoint();
      if (abandon) {
        abandoned.add(listing); // producers keep running; closed only once the test is over
      } else {
        listing.close();
      }
    }
    try (Listing last = source(threads, depth).list(checkpoint, events)) {
      for (SourceObject o : Scans.drain(last)) {
        objects.add(o.reference());
      }
    }
    for (Listing l : abandoned) {
      l.close();
    }
    String shape =
        threads + " threads, depth " + depth + ", cuts " + java.util.Arrays.toString(cuts);
    assertNoDuplicates(objects, shape);
    assertNothingLost(fullObjects, objects, shape);
    assertNoDuplicates(events.references, shape);
    assertNothingLost(fullSkips, events.references, shape);
  }

  private static void assertNothingLost(List<String> expected, List<String> actual, String shape) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertTrue(
        missing.isEmpty() && unexpected.isEmpty(),
        shape
            + ": "
            + missing.size()
            + " lost, first "
            + first(missing)
            + "; "
            + unexpected.size()
            + " unexpected, first "
            + first(unexpected));
  }

  private static String first(Set<String> refs) {
    return refs.isEmpty() ? "-" : refs.iterator().next();
  }

  private static void assertNoDuplicates(List<String> refs, String shape) {
    Set<String> seen = new HashSet<>();
    for (String r : refs) {
      assertTrue(seen.add(r), "listed twice: " + r + " (" + shape + ")");
    }
  }

  private static LocalSource source(int threads, int depth) {
    return new LocalSource(
        Scans.settings(root).scanThreadCount(threads).maxMultiThreadScanDepth(depth).build());
  }

  private static List<String> sorted(List<String> refs) {
    List<String> copy = new ArrayList<>(refs);
    Collections.sort(copy);
    return copy;
  }
}
