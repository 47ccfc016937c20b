package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A small nested source folder, and the check that a bucket holds exactly its files. */
final class SampleTree {
  private SampleTree() {}

  /**
   * {@code files} small files over three levels, plus one of 1.2 MB (above the tests'
   * multipartUploadThreshold of 1m). Returns the relative path to size of every file.
   */
  static TreeMap<String, Long> create(Path root, int files, long seed) throws IOException {
    Random random = new Random(seed);
    TreeMap<String, Long> sizes = new TreeMap<String, Long>();
    for (int i = 0; i < files; i++) {
      String name = "d" + (i % 3) + "/e" + (i % 2) + "/file-" + i + ".txt";
      byte[] content = new byte[1 + random.nextInt(4000)];
      random.nextBytes(content);
      write(root, name, content, sizes);
    }
    byte[] big = new byte[1200 * 1024];
    random.nextBytes(big);
    write(root, "big/large.bin", big, sizes);
    return sizes;
  }

  private static void write(Path root, String name, byte[] content, TreeMap<String, Long> sizes)
      throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    sizes.put(name, (long) content.length);
  }

  /** Object key to size of everything in the bucket, through the real SDK client. */
  static TreeMap<String, Long> bucket(OssEmulator oss, String bucket) {
    OSS client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    try {
      TreeMap<String, Long> objects = new TreeMap<String, Long>();
      String marker = null;
      ObjectListing listing;
      do {
        listing =
            client.listObjects(new ListObjectsRequest(bucket).withMarker(marker).withMaxKeys(1000));
        for (OSSObjectSummary summary : listing.getObjectSummaries()) {
          objects.put(summary.getKey(), summary.getSize());
        }
        marker = listing.getNextMarker();
      } while (listing.isTruncated());
      return objects;
    } finally {
      client.shutdown();
    }
  }

  static void assertBucketHolds(TreeMap<String, Long> expected, OssEmulator oss, String bucket) {
    assertEquals(expected, bucket(oss, bucket), "objects (key to size) in " + bucket);
  }

  static long count(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  static void assertNonEmpty(String text) {
    assertTrue(!text.trim().isEmpty());
  }
}
