package io.ossimport.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small sample folder: four files in three directories, {@link #BYTES} bytes in all. */
final class Samples {
  static final long BYTES = 28 + 4 * 1000 + 3000 + 7;

  private Samples() {}

  static Path folder(Path root) throws IOException {
    write(root.resolve("readme.txt"), "ossimport end-to-end sample\n");
    StringBuilder numbers = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      numbers.append(String.format("%03d%n", i));
    }
    write(root.resolve("docs/nested/numbers.txt"), numbers.toString());
    StringBuilder picture = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      picture.append('x');
    }
    write(root.resolve("photos/picture.raw"), picture.toString());
    write(root.resolve("docs/notes.md"), "second\n");
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
