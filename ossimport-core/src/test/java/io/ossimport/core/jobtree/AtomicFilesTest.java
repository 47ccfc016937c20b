package io.ossimport.core.jobtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writeReplacesTheWholeFileAndLeavesNoTempFile() throws IOException {
    Path file = dir.resolve("JOB");
    AtomicFiles.writeUtf8(file, "first version, rather long\n");
    AtomicFiles.writeUtf8(file, "second\n");
    assertEquals("second\n", read(file));
    assertEquals(Arrays.asList("JOB"), names(dir));
  }

  @Test
  void failedWriteKeepsTheOldContentAndLeavesNoTempFile() throws IOException {
    Path file = dir.resolve("JOB");
    AtomicFiles.writeUtf8(file, "old\n");
    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    assertEquals("old\n", read(file));
    assertEquals(Arrays.asList("JOB"), names(dir));
  }

  @Test
  void aConcurrentReaderOnlyEverSeesCompleteVersions() throws Exception {
    final Path file = dir.resolve("big");
    final byte[] a = filled((byte) 'a', 1 << 20);
    final byte[] b = filled((byte) 'b', (1 << 19) + 7);
    AtomicFiles.write(file, out -> out.write(a));
    final AtomicBoolean writing = new AtomicBoolean(true);
    final AtomicReference<String> problem = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                while (writing.get()) {
                  byte[] seen = Files.readAllBytes(file);
                  if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                    problem.set("saw a partial file of " + seen.length + " bytes");
                  }
                }
              } catch (IOException e) {
                problem.set(e.toString());
              }
            });
    reader.start();
    for (int i = 0; i < 40; i++) {
      final byte[] next = i % 2 == 0 ? b : a;
      AtomicFiles.write(file, out -> out.write(next));
    }
    writing.set(false);
    reader.join();
    assertEquals(null, problem.get());
  }

  @Test
  void ownerOnlyFileIsNeverReadableByOthers() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("job.cfg");
    AtomicFiles.writeOwnerOnly(file, out -> out.write("secret".getBytes(StandardCharsets.UTF_8)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void moveRenamesADirectoryButNeverOverwritesOne() throws IOException {
    Path source = Files.createDirectories(dir.resolve("a"));
    Files.write(source.resolve("TASK"), new byte[] {1});
    Path target = dir.resolve("b");
    AtomicFiles.move(source, target);
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(target.resolve("TASK")));
    assertFalse(Files.exists(source));

    Path other = Files.createDirectories(dir.resolve("c"));
    assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.move(other, target));
    assertTrue(Files.exists(other));
  }

  @Test
  void trashAndDeleteRemovesATreeAndLeavesNoTrash() throws IOException {
    Path task = Files.createDirectories(dir.resolve("t/sub/deeper"));
    Files.write(task.resolve("f"), new byte[] {1});
    assertTrue(AtomicFiles.trashAndDelete(dir.resolve("t")));
    assertEquals(Arrays.asList(), names(dir));
    assertFalse(AtomicFiles.trashAndDelete(dir.resolve("t")));
  }

  @Test
  void createDirectoriesMakesEveryMissingLevel() throws IOException {
    Path deep = dir.resolve("a/b/c");
    AtomicFiles.createDirectories(deep);
    AtomicFiles.createDirectories(deep);
    assertTrue(Files.isDirectory(deep));
  }

  @Test
  void tempAndTrashNamesAreLeftovers() {
    assertTrue(AtomicFiles.isLeftover(AtomicFiles.tempName("JOB")));
    assertTrue(AtomicFiles.isLeftover(".trash-x"));
    assertFalse(AtomicFiles.isLeftover("JOB"));
  }

  @Test
  void writeNewRefusesAnExistingFile() throws IOException {
    Path file = dir.resolve("DONE");
    AtomicFiles.writeNew(file, out -> {});
    assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeNew(file, out -> {}));
    assertThrows(
        NoSuchFileException.class,
        () -> AtomicFiles.copyNew(dir.resolve("missing"), dir.resolve("x")));
  }

  private static byte[] filled(byte b, int n) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, b);
    return bytes;
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
