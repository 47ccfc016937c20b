package io.ossimport.core.api;

import io.ossimport.core.testkit.ImportFixture;
import java.io.IOException;

/** The generated source trees of the facade tests. */
final class SourceTrees {
  private SourceTrees() {}

  /** Whether this JVM can create non-ASCII file names (it needs a UTF-8 locale). */
  static boolean unicodeNames() {
    return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
  }

  /**
   * Nested directories, empty files, spaces, tabs, Unicode (with a UTF-8 locale), names with {@code
   * %} and {@code #}, and three files above the 1 MB multipart threshold.
   */
  static void generate(ImportFixture f) throws IOException {
    f.file("top.txt", 10);
    f.file("empty.txt", 0);
    f.file("a/b/c/d/e/deep.bin", 4096);
    f.file("a/b/empty-too", 0);
    f.file("with space/a b c.txt", 77);
    f.file("tab\there.txt", 12);
    f.file("percent%25 and #hash.txt", 33);
    f.file("dots/.hidden", 5);
    for (int i = 0; i < 12; i++) {
      f.file("many/file-" + i + ".dat", 100 * i);
    }
    if (unicodeNames()) {
      f.file("中文/报告 2024.txt", 2048);
      f.file("emoji 😀/café.txt", 300);
    }
    f.file("big/one.bin", 1024 * 1024 + 1);
    f.file("big/two.bin", 1536 * 1024);
    f.file("big/three.bin", 2 * 1024 * 1024 + 12345);
  }
}
