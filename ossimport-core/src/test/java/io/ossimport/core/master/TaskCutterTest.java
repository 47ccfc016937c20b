package io.ossimport.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.local.LocalSource;
import io.ossimport.core.source.local.LocalSourceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCutterTest {
  private static final String JOB = "local_test";

  @TempDir Path temp;
  private Path src;
  private JobTree tree;

  @BeforeEach
  void setUp() throws IOException {
    src = Files.createDirectories(temp.resolve("src"));
    tree = new JobTree(temp.resolve("work"));
    tree.submit(JOB, "frozen");
  }

  @Test
  void aTaskClosesAtTheObjectCountLimit() throws Exception {
    for (int i = 0; i < 25; i++) {
      file(String.format("f%02d", i), 1);
    }

    TaskCutter cutter = cutter(10, Long.MAX_VALUE, null);
    cutAll(cutter);

    assertEquals(Arrays.asList(10, 10, 5), sortedSizes(taskEntries()));
    assertEquals(3, cutter.tasks());
    assertEquals(25, cutter.objects());
  }

  @Test
  void aTaskClosesBeforeTheSizeLimitAndABigFileIsATaskOfItsOwn() throws Exception {
    file("a", 300);
    file("b", 300);
    file("c", 300);
    file("d", 1500);
    file("e", 100);
    file("f", 0);
    file("g", 100);

    cutAll(cutter(100, 1000, null));

    List<List<TaskEntry>> tasks = taskEntries();
    List<String> groups = new ArrayList<>();
    for (List<TaskEntry> t : tasks) {
      groups.add(t.stream().map(TaskEntry::source).sorted().collect(Collectors.joining()));
    }
    Collections.sort(groups);
    assertEquals(Arrays.asList("abc", "d", "efg"), groups);
  }

  @Test
  void entriesCarryTheDestinationKeySizeAndModificationTime() throws Exception {
    Path f = file("dir/with space/x.txt", 42);

    cutAll(cutter(10, Long.MAX_VALUE, null));

    TaskEntry e = taskEntries().get(0).get(0);
    assertEquals("dir/with space/x.txt", e.source());
    assertEquals("backup/dir/with space/x.txt", e.destination());
    assertEquals(42, e.size());
    assertEquals(Files.getLastModifiedTime(f).toMillis(), e.mtimeMillis());
    assertEquals(1, e.attempt());
  }

  @Test
  void aScanKilledMidTaskResumesFromItsCheckpointWithNothingLostAndNothingTwice() throws Exception {
    for (int i = 0; i < 40; i++) {
      file(String.format("d%d/f%02d", i % 3, i), i);
    }
    AtomicInteger consumed = new AtomicInteger();
    TaskCutter first = cutter(7, Long.MAX_VALUE, null);
    try (LocalSource source = source();
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      assertThrows(
          IOException.class,
          () ->
              first.cut(
                  listing,
                  Listing::peek,
                  l -> {
                    if (consumed.incrementAndGet() == 25) {
                      throw new IOException("killed");
                    }
                    return l.next();
                  }));
    }
    assertEquals(3, first.tasks(), "three tasks of 7 were committed before the kill");

    Optional<Checkpoint> latest = tree.checkpoints(JOB).latest(0);
    assertTrue(latest.isPresent());
    assertEquals(21, latest.get().objects());
    TaskCutter resumed = cutter(7, Long.MAX_VALUE, latest.get());
    try (LocalSource source = source();
        Listing listing = source.list(latest.get().scannerState(), ListingListener.IGNORE)) {
      resumed.cut(listing, Listing::peek, Listing::next);
    }

    Map<String, Integer> seen = new HashMap<>();
    for (List<TaskEntry> task : taskEntries()) {
      for (TaskEntry e : task) {
        seen.merge(e.source(), 1, Integer::sum);
      }
    }
    assertEquals(40, seen.size(), "every file is in a task");
    assertTrue(seen.values().stream().allMatch(n -> n == 1), "no file is in two tasks: " + seen);
    assertEquals(40, resumed.objects());
    assertEquals(6, resumed.tasks());
    assertEquals(40, tree.checkpoints(JOB).latest(0).get().objects());
  }

  @Test
  void aChangeOfGroupClosesTheTask() throws Exception {
    cutAll(cutter(100, Long.MAX_VALUE, null), objects("hz", "hz", "bj", "bj"));
    assertEquals(Arrays.asList(2, 2), sortedSizes(taskEntries()));
  }

  @Test
  void alternatingGroupsGiveATaskPerObject() throws Exception {
    cutAll(cutter(100, Long.MAX_VALUE, null), objects("hz", "bj", "hz", "bj"));
    assertEquals(Arrays.asList(1, 1, 1, 1), sortedSizes(taskEntries()));
  }

  @Test
  void objectsWithoutAGroupJoinTheOpenTaskAndTheCountLimitStillApplies() throws Exception {
    cutAll(cutter(3, Long.MAX_VALUE, null), objects(null, "hz", null, "hz", "hz", "bj", null));
    assertEquals(Arrays.asList(3, 2, 2), sortedSizes(taskEntries()));
  }

  @Test
  void unknownSizesNeverCloseATaskAtTheSizeLimitAndTheKeyComesFromTheDestinationName()
      throws Exception {
    List<SourceObject> list = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      list.add(
          SourceObject.of("http://h/" + i, -1, -1)
              .withDestinationName("n" + i)
              .inGroup("http://h/"));
    }

    cutAll(cutter(100, 1, null), list);

    List<List<TaskEntry>> tasks = taskEntries();
    assertEquals(1, tasks.size());
    TaskEntry first = tasks.get(0).get(0);
    assertEquals("http://h/0", first.source());
    assertEquals("backup/n0", first.destination());
    assertEquals(-1, first.size());
    assertEquals(-1, first.mtimeMillis());
  }

  private static List<SourceObject> objects(String... groups) {
    List<SourceObject> list = new ArrayList<>();
    for (int i = 0; i < groups.length; i++) {
      list.add(SourceObject.of("o" + i, 1, 0).inGroup(groups[i]));
    }
    return list;
  }

  private void cutAll(TaskCutter cutter, List<SourceObject> objects) throws Exception {
    try (Listing listing = new ListOf(objects)) {
      cutter.cut(listing, Listing::peek, Listing::next);
    }
  }

  /** A listing of given objects; its checkpoint is the count consumed. */
  private static final class ListOf implements Listing {
    private final List<SourceObject> objects;
    private int consumed;

    ListOf(List<SourceObject> objects) {
      this.objects = objects;
    }

    @Override
    public SourceObject next() {
      SourceObject o = peek();
      if (o != null) {
        consumed++;
      }
      return o;
    }

    @Override
    public SourceObject peek() {
      return consumed < objects.size() ? objects.get(consumed) : null;
    }

    @Override
    public String checkpoint() {
      return Integer.toString(consumed);
    }

    @Override
    public void close() {}
  }

  @Test
  void onlyObjectsModifiedSinceTheRoundsTimeAreTaskedAndALongRunOfOthersIsStillCheckpointed()
      throws Exception {
    long since = System.currentTimeMillis() - 60_000;
    for (int i = 0; i < 12; i++) {
      Path f = file(String.format("f%02d", i), 10);
      boolean changed = i == 3 || i == 11;
      Files.setLastModifiedTime(
          f, FileTime.fromMillis(changed ? since : since - 1)); // "at or after" is inclusive
    }

    TaskCutter cutter = cutter(4, Long.MAX_VALUE, null);
    cutter.onlyModifiedSince(since);
    cutAll(cutter);

    List<String> tasked = new ArrayList<>();
    for (List<TaskEntry> task : taskEntries()) {
      task.forEach(e -> tasked.add(e.source()));
    }
    Collections.sort(tasked);
    assertEquals(Arrays.asList("f03", "f11"), tasked);
    assertEquals(10, cutter.unchanged());
    assertEquals(2, cutter.objects());
    // every 4 unchanged objects a checkpoint: f04 commits the open task of f03 early, f08 writes
    // one with no task, f11 ends the listing; a kill mid-way never lists more than 4 again
    assertEquals(2, cutter.tasks());
    assertTrue(tree.checkpoints(JOB).latest(0).get().sequence() >= 3, "checkpoints without tasks");
  }

  private static List<Integer> sortedSizes(List<List<TaskEntry>> tasks) {
    List<Integer> sizes = new ArrayList<>();
    for (List<TaskEntry> t : tasks) {
      sizes.add(t.size());
    }
    sizes.sort(Collections.reverseOrder());
    return sizes;
  }

  private TaskCutter cutter(long count, long size, Checkpoint resume) {
    return new TaskCutter(tree, JOB, 0, "backup/", count, size, resume, totals -> {});
  }

  private void cutAll(TaskCutter cutter) throws Exception {
    try (LocalSource source = source();
        Listing listing = source.list(null, ListingListener.IGNORE)) {
      cutter.cut(listing, Listing::peek, Listing::next);
    }
  }

  private LocalSource source() {
    return new LocalSource(LocalSourceSettings.builder(src).keyPrefix("backup/").build());
  }

  private Path file(String reference, int size) throws IOException {
    Path p = src.resolve(reference);
    Files.createDirectories(p.getParent());
    return Files.write(p, new byte[size]);
  }

  private List<List<TaskEntry>> taskEntries() throws IOException {
    List<List<TaskEntry>> tasks = new ArrayList<>();
    try (Stream<TaskRef> pending = tree.tasks(JOB, TaskState.PENDING)) {
      for (TaskRef ref : pending.collect(Collectors.toList())) {
        List<TaskEntry> entries = new ArrayList<>();
        try (TaskFileReader r = tree.openTask(JOB, ref)) {
          for (TaskEntry e = r.next(); e != null; e = r.next()) {
            entries.add(e);
          }
        }
        tasks.add(entries);
      }
    }
    return tasks;
  }
}
