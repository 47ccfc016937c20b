package io.ossimport.core.source.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SkipReason;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.UnusableEntryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSourceReadTest {
  @TempDir Path root;

  @Test
  void offersRangedReadsAndResumableListing() {
    LocalSource source = new LocalSource(Scans.settings(root).build());
    assertTrue(source.features().contains(SourceFeature.RANGED_READ));
    assertTrue(source.features().contains(SourceFeature.RESUMABLE_LISTING));
    assertFalse(source.features().contains(SourceFeature.SERVER_SIDE_COPY));
  }

  @Test
  void rangesReadInParallelReassembleTheWholeFile() throws Exception {
    byte[] data = new byte[1_000_003];
    new Random(1).nextBytes(data);
    Files.createDirectories(root.resolve("d"));
    Files.write(root.resolve("d/big.bin"), data);
    LocalSource source = new LocalSource(Scans.settings(root).build());
    int part = 100_000;

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<byte[]>> parts = new ArrayList<>();
      for (long offset = 0; offset < data.length; offset += part) {
        long from = offset;
        parts.add(pool.submit(() -> readAll(source.open("d/big.bin", from, part))));
      }
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (Future<byte[]> f : parts) {
        joined.write(f.get());
      }
      assertArrayEquals(data, joined.toByteArray());
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(data, readAll(source.open("d/big.bin")));
    assertEquals(3, readAll(source.open("d/big.bin", data.length - 3, 10)).length);
    assertEquals(0, readAll(source.open("d/big.bin", data.length + 5, 10)).length);
  }

  @Test
  void statTellsWhetherTheListedObjectChangedOrVanished() throws Exception {
    Path f = Scans.file(root, "f.txt", 4);
    LocalSource source = new LocalSource(Scans.settings(root).build());
    SourceObject listed = Scans.listAll(Scans.settings(root).build()).get(0);

    assertTrue(source.stat("f.txt").matches(listed));
    Files.write(f, new byte[5]);
    Files.setLastModifiedTime(f, FileTime.fromMillis(listed.lastModifiedMillis()));
    assertFalse(source.stat("f.txt").matches(listed), "size changed");
    Files.write(f, new byte[4]);
    Files.setLastModifiedTime(f, FileTime.fromMillis(listed.lastModifiedMillis() + 1000));
    assertFalse(source.stat("f.txt").matches(listed), "time changed");
    Files.delete(f);
    ObjectStat gone = source.stat("f.txt");
    assertFalse(gone.exists());
    assertThrows(java.nio.file.NoSuchFileException.class, () -> source.open("f.txt"));
  }

  @Test
  void referencesCannotLeaveTheSourceDirectory() {
    LocalSource source = new LocalSource(Scans.settings(root.resolve("inner")).build());
    for (String bad : Arrays.asList("../secret", "a/../../b", "/etc/passwd", "", "a//b", "./a")) {
      assertThrows(IllegalArgumentException.class, () -> source.open(bad), bad);
    }
  }

  @Test
  void aFileLinkIsReadOnlyWhenSymbolicLinksAreAllowed() throws Exception {
    Scans.file(root, "target", 7);
    Files.createSymbolicLink(root.resolve("link"), root.resolve("target"));

    LocalSource strict = new LocalSource(Scans.settings(root).build());
    LocalSource lenient = new LocalSource(Scans.settings(root).allowSymbolicLinks(true).build());

    assertThrows(IOException.class, () -> strict.open("link").close());
    assertEquals(
        SkipReason.SYMBOLIC_LINK_NOT_ALLOWED,
        assertThrows(UnusableEntryException.class, () -> strict.stat("link")).reason());
    assertEquals(7, readAll(lenient.open("link")).length);
    assertEquals(7, lenient.stat("link").size());
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (InputStream i = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = i.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
