package io.ossimport.core.testkit;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.emulator.OssEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sample folder, a local_job.cfg that moves it into an emulator bucket, and the bucket's view.
 * Shared by the front ends' tests (Maven plugin, Ant) through core's test-jar, so that both shells
 * are tested with the same job.
 */
public final class SampleJob {
  /** The folder the job reads. */
  public final Path source;

  /** The job file written for it. */
  public final Path jobConfig;

  /** Key to size of every file written, as the bucket should list them after the import. */
  public final Map<String, Long> files = new TreeMap<String, Long>();

  private SampleJob(Path source, Path jobConfig) {
    this.source = source;
    this.jobConfig = jobConfig;
  }

  /**
   * Writes {@code count} files (two levels, different sizes) under {@code dir/data} and a job file
   * {@code dir/local_job.cfg} with {@code lines} (key=value) after the destination keys.
   */
  public static SampleJob create(
      Path dir, OssEmulator oss, String bucket, int count, String... lines) throws IOException {
    Path source = Files.createDirectories(dir.resolve("data"));
    Path jobConfig = dir.resolve("local_job.cfg");
    SampleJob job = new SampleJob(source, jobConfig);
    for (int i = 0; i < count; i++) {
      String key = (i % 2 == 0 ? "a/" : "b/c/") + "file-" + i + ".txt";
      byte[] content = new byte[100 + 37 * i];
      for (int b = 0; b < content.length; b++) {
        content[b] = (byte) ('a' + (b + i) % 26);
      }
      Path file = source.resolve(key);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      job.files.put(key, (long) content.length);
    }
    oss.createBucketIfMissing(bucket);
    List<String> cfg = new ArrayList<String>();
    cfg.add("jobName=sample_job");
    cfg.add("srcType=local");
    cfg.add("srcPrefix=" + source.toAbsolutePath().toString().replace('\\', '/') + "/");
    cfg.add("destDomain=" + oss.endpoint());
    cfg.add("destBucket=" + bucket);
    cfg.add("destAccessKey=" + oss.accessKeyId());
    cfg.add("destSecretKey=" + oss.secretAccessKey());
    for (String line : lines) {
      cfg.add(line);
    }
    Files.write(jobConfig, cfg, StandardCharsets.UTF_8);
    return job;
  }

  /** Key to size of every object in the bucket, listed through the SDK. */
  public static Map<String, Long> objects(OssEmulator oss, String bucket) {
    Map<String, Long> objects = new TreeMap<String, Long>();
    OSS client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    try {
      String marker = null;
      ObjectListing listing;
      do {
        listing = client.listObjects(new ListObjectsRequest(bucket).withMarker(marker));
        for (OSSObjectSummary summary : listing.getObjectSummaries()) {
          objects.put(summary.getKey(), summary.getSize());
        }
        marker = listing.getNextMarker();
      } while (listing.isTruncated());
    } finally {
      client.shutdown();
    }
    return objects;
  }
}
