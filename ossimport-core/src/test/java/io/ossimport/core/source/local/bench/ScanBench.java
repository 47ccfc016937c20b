package io.ossimport.core.source.local.bench;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.local.LocalSource;
import io.ossimport.core.source.local.LocalSourceSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the local scan; not a test. Compare with {@code find DIR -type f -printf '%s %T@ %p\n' >
 * /dev/null} on the same tree.
 *
 * <pre>
 * ScanBench generate DIR FILES FILES_PER_DIR    empty files in DIR/dNNN/dNNN/ leaf directories
 * ScanBench scan DIR [THREADS [DEPTH]]          one line: objects, seconds, peak heap, ...
 * ScanBench print DIR [THREADS [DEPTH]]         every object and skipped entry, one per line
 * </pre>
 *
 * {@code scan} takes a checkpoint every 10,000 objects, as the master does once per task.
 */
public final class ScanBench {
  private ScanBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ScanBench generate|scan|print DIR ...");
      System.exit(2);
    }
    Path dir = Paths.get(args[1]);
    switch (args[0]) {
      case "generate":
        generate(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "scan":
        scan(settings(dir, args), false);
        break;
      case "print":
        scan(settings(dir, args), true);
        break;
      default:
        System.err.println("unknown command " + args[0]);
        System.exit(2);
    }
  }

  private static LocalSourceSettings settings(Path dir, String[] args) {
    return LocalSourceSettings.builder(dir)
        .scanThreadCount(args.length > 2 ? Integer.parseInt(args[2]) : 1)
        .maxMultiThreadScanDepth(args.length > 3 ? Integer.parseInt(args[3]) : 1)
        .build();
  }

  private static void generate(Path root, int files, int perDir) throws IOException {
    long start = System.nanoTime();
    int leaves = (files + perDir - 1) / perDir;
    int fanOut = (int) Math.ceil(Math.sqrt(leaves));
    int made = 0;
    for (int leaf = 0; made < files; leaf++) {
      Path dir =
          Files.createDirectories(
              root.resolve(String.format("d%03d/d%03d", leaf / fanOut, leaf % fanOut)));
      for (int i = 0; i < perDir && made < files; i++, made++) {
        Files.createFile(dir.resolve(String.format("file-%07d.dat", made)));
      }
    }
    System.out.printf(
        "generated %d files in %d directories in %.1f s%n",
        made, leaves, (System.nanoTime() - start) / 1e9);
  }

  private static void scan(LocalSourceSettings settings, boolean print) throws Exception {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    AtomicLong skipped = new AtomicLong();
    ListingListener listener =
        (reference, reason, detail) -> {
          skipped.incrementAndGet();
          if (print) {
            System.out.println("SKIP\t" + reason + "\t" + reference);
          }
        };
    long start = System.nanoTime();
    long objects = 0;
    long bytes = 0;
    int longestCheckpoint = 0;
    try (Listing listing = new LocalSource(settings).list(null, listener)) {
      SourceObject o;
      while ((o = listing.next()) != null) {
        objects++;
        bytes += o.size();
        if (print) {
          System.out.println("OBJECT\t" + o.reference());
        }
        if (objects % 10_000 == 0) {
          longestCheckpoint = Math.max(longestCheckpoint, listing.checkpoint().length());
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "objects=%d bytes=%d skipped=%d threads=%d depth=%d seconds=%.2f objectsPerSecond=%.0f"
            + " peakHeapMB=%.1f maxHeapMB=%d longestCheckpointChars=%d%n",
        objects,
        bytes,
        skipped.get(),
        settings.scanThreadCount(),
        settings.maxMultiThreadScanDepth(),
        seconds,
        objects / seconds,
        peakHeapBytes() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576,
        longestCheckpoint);
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
