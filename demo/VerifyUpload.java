import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Demo check, independent of ossimport's own bookkeeping: lists the bucket through the OSS API
 * (aliyun-sdk-oss, from bin/ossimport2.jar) and compares every local file with its object by size
 * and CRC-64. Run by demo.sh as a single-file program:
 * {@code java -cp ossimport/bin/ossimport2.jar demo/VerifyUpload.java URL ID SECRET BUCKET DIR}.
 * Exit 0 when the bucket holds exactly the folder's files, 1 otherwise.
 */
public class VerifyUpload {
  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    String bucket = args[3];
    Path root = Paths.get(args[4]);
    TreeMap<String, Path> local = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .forEach(f -> local.put(root.relativize(f).toString().replace('\\', '/'), f));
    }
    OSS client = new OSSClientBuilder().build(endpoint, args[1], args[2]);
    try {
      TreeMap<String, Long> remote = new TreeMap<>();
      String marker = null;
      ObjectListing listing;
      do {
        listing = client.listObjects(new ListObjectsRequest(bucket).withMarker(marker));
        for (OSSObjectSummary s : listing.getObjectSummaries()) {
          remote.put(s.getKey(), s.getSize());
        }
        marker = listing.getNextMarker();
      } while (listing.isTruncated());

      long localBytes = 0;
      long matchedBytes = 0;
      int matched = 0;
      int problems = 0;
      for (Map.Entry<String, Path> file : local.entrySet()) {
        long size = Files.size(file.getValue());
        localBytes += size;
        Long objectSize = remote.get(file.getKey());
        if (objectSize == null) {
          System.out.println("  missing in the bucket: " + file.getKey());
          problems++;
        } else if (objectSize != size) {
          System.out.println("  size differs: " + file.getKey() + " " + size + " != " + objectSize);
          problems++;
        } else {
          Long serverCrc = client.getObjectMetadata(bucket, file.getKey()).getServerCRC();
          if (serverCrc == null || serverCrc != crc64(file.getValue())) {
            System.out.println("  CRC-64 differs: " + file.getKey());
            problems++;
          } else {
            matched++;
            matchedBytes += size;
          }
        }
      }
      for (String key : remote.keySet()) {
        if (!local.containsKey(key)) {
          System.out.println("  not in the folder: " + key);
          problems++;
        }
      }
      System.out.printf(
          "Folder: %d files, %d bytes. Bucket %s: %d objects. Same key, size and CRC-64: %d files,"
              + " %d bytes.%n",
          local.size(), localBytes, bucket, remote.size(), matched, matchedBytes);
      System.out.println(
          problems == 0 ? "VERIFIED: the bucket holds exactly the folder." : "MISMATCHES: " + problems);
      System.exit(problems == 0 ? 0 : 1);
    } finally {
      client.shutdown();
    }
  }

  private static long crc64(Path file) throws Exception {
    CRC64 crc = new CRC64();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc.update(buffer, n);
      }
    }
    return crc.getValue();
  }
}
