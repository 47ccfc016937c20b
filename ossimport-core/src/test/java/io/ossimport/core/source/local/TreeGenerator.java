package io.ossimport.core.source.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a reproducible random tree: uneven depths and fan-outs, empty directories, dangling
 * symbolic links (reported, never listed) and names chosen so that plain string order and
 * component-wise path order disagree ({@code "a b"} sorts before {@code "a/x"} as a string but
 * after it as a path).
 */
final class TreeGenerator {
  private static final String[] STEMS = {"a", "a b", "a-b", "a.b", "A", "b", "z", "x y", "0", "a0"};

  private TreeGenerator() {}

  /** Creates about {@code files} files under {@code root}; returns the number of dangling links. */
  static int generate(Path root, long seed, int files) throws IOException {
    Random random = new Random(seed);
    List<Path> dirs = new ArrayList<>();
    dirs.add(root);
    int links = 0;
    int created = 0;
    for (int i = 0; created < files; i++) {
      Path parent = dirs.get(random.nextInt(dirs.size()));
      String name = STEMS[random.nextInt(STEMS.length)] + (random.nextBoolean() ? "" : i);
      Path p = parent.resolve(name);
      if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      int kind = random.nextInt(100);
      try {
        if (kind < 12 && root.relativize(p).getNameCount() < 7) {
          dirs.add(Files.createDirectory(p));
        } else if (kind < 14) {
          Files.createSymbolicLink(p, root.resolve("no-such-target"));
          links++;
        } else {
          Files.write(Files.createFile(p), new byte[random.nextInt(3)]);
          created++;
        }
      } catch (FileAlreadyExistsException e) {
        // Same name drawn twice; draw again.
      }
    }
    return links;
  }
}
