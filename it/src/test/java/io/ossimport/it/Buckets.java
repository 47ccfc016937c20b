package io.ossimport.it;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the verify scripts and tests compare: a bucket seen through the SDK (key to ETag, the
 * upper-case hex MD5 for a single PUT) and a local folder (relative path to MD5).
 */
public final class Buckets {
  private Buckets() {}

  /** Key to ETag of every object in {@code bucket}, with the emulator's default credentials. */
  public static Map<String, String> objects(String endpoint, String bucket) {
    Map<String, String> objects = new TreeMap<String, String>();
    OSS client =
        new OSSClientBuilder()
            .build(endpoint, OssEmulator.DEFAULT_ACCESS_KEY_ID, OssEmulator.DEFAULT_SECRET);
    try {
      String marker = null;
      ObjectListing listing;
      do {
        listing = client.listObjects(new ListObjectsRequest(bucket).withMarker(marker));
        for (OSSObjectSummary summary : listing.getObjectSummaries()) {
          objects.put(summary.getKey(), summary.getETag().toUpperCase(java.util.Locale.ROOT));
        }
        marker = listing.getNextMarker();
      } while (listing.isTruncated());
    } finally {
      client.shutdown();
    }
    return objects;
  }

  /** Relative path ('/'-separated) to upper-case hex MD5 of every file under {@code folder}. */
  public static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), md5(file));
      }
    }
    return files;
  }

  private static String md5(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : digest.digest()) {
        hex.append(String.format("%02X", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
