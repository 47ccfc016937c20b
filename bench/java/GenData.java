import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

/**
 * Generates the benchmark datasets, deterministically (fixed seeds), and writes DIR.meta with
 * "files bytes" so the harness knows what it measured.
 *
 * <pre>
 *   GenData small N SIZE DIR          N files of SIZE bytes, 100 per directory
 *   GenData one SIZE DIR              one file of SIZE bytes
 *   GenData mixed N MIN MAX SEED DIR  N files, sizes log-uniform in [MIN, MAX], nested 1-4 deep
 *   GenData empty N DIR               N empty files, 1000 per directory
 * </pre>
 */
public final class GenData {
  private static final byte[] NOISE = new byte[1 << 20];

  static {
    new Random(7).nextBytes(NOISE);
  }

  public static void main(String[] a) throws IOException {
    long files = 0;
    long bytes = 0;
    Path dir;
    switch (a[0]) {
      case "small":
        {
          int n = Integer.parseInt(a[1]);
          long size = Long.parseLong(a[2]);
          dir = Paths.get(a[3]);
          for (int i = 0; i < n; i++) {
            write(dir.resolve("d" + (i / 100)).resolve("f" + i + ".bin"), size, i);
            bytes += size;
          }
          files = n;
          break;
        }
      case "one":
        {
          long size = Long.parseLong(a[1]);
          dir = Paths.get(a[2]);
          write(dir.resolve("large.bin"), size, 1);
          files = 1;
          bytes = size;
          break;
        }
      case "mixed":
        {
          int n = Integer.parseInt(a[1]);
          double lo = Math.log(Long.parseLong(a[2]));
          double hi = Math.log(Long.parseLong(a[3]));
          Random r = new Random(Long.parseLong(a[4]));
          dir = Paths.get(a[5]);
          for (int i = 0; i < n; i++) {
            long size = Math.round(Math.exp(lo + (hi - lo) * r.nextDouble()));
            int depth = 1 + r.nextInt(4);
            Path p = dir;
            for (int d = 0; d < depth; d++) {
              p = p.resolve("l" + d + "-" + r.nextInt(d == 0 ? 8 : 4));
            }
            write(p.resolve("m" + i + ".bin"), size, i);
            bytes += size;
          }
          files = n;
          break;
        }
      case "empty":
        {
          int n = Integer.parseInt(a[1]);
          dir = Paths.get(a[2]);
          Path current = null;
          for (int i = 0; i < n; i++) {
            if (i % 1000 == 0) {
              current = Files.createDirectories(dir.resolve("e" + (i / 1000)));
            }
            Files.createFile(current.resolve("z" + i));
          }
          files = n;
          break;
        }
      default:
        throw new IllegalArgumentException("unknown dataset kind " + a[0]);
    }
    try (BufferedWriter w =
        Files.newBufferedWriter(
            dir.resolveSibling(dir.getFileName() + ".meta"), StandardCharsets.UTF_8)) {
      w.write(files + " " + bytes + "\n");
    }
    System.out.println(dir + ": " + files + " files, " + bytes + " bytes");
  }

  /** Random-looking content that differs per file (index stamped, noise rotated). */
  private static void write(Path file, long size, int index) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new FileOutputStream(file.toFile())) {
      long left = size;
      int off = (int) ((index * 7919L) % NOISE.length);
      byte[] stamp = new byte[8];
      for (int i = 0; i < 8; i++) {
        stamp[i] = (byte) (index >>> (8 * (i % 4)));
      }
      int first = (int) Math.min(8, left);
      out.write(stamp, 0, first);
      left -= first;
      while (left > 0) {
        int n = (int) Math.min(left, NOISE.length - off);
        out.write(NOISE, off, n);
        left -= n;
        off = 0;
      }
    }
  }
}
