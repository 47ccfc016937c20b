package io.ossimport.core.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.OSSObject;
import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.store.ObjectSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine under test: a source directory, a working directory, a bucket of its own on an
 * emulator, the job keys of a local job into it, and a separate SDK client to check what arrived.
 */
public final class ImportFixture implements AutoCloseable {
  public static final String JOB = "local_test";
  public static final String DEST_PREFIX = "backup/";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  public final OssEmulator oss;
  public final Path temp;
  public final Path src;
  public final Path work;
  public final String bucket;
  public final OSS client;
  public final EventLog events = new EventLog();
  public final Map<String, String> sys = new LinkedHashMap<>();
  public final Map<String, String> job;

  /** Every source file written through {@link #file}, by reference. */
  public final Map<String, byte[]> files = Collections.synchronizedMap(new LinkedHashMap<>());

  public ImportFixture(OssEmulator oss, Path temp) throws IOException {
    this.oss = oss;
    this.temp = temp;
    this.src = Files.createDirectories(temp.resolve("src"));
    this.work = temp.resolve("work");
    this.bucket = "engine-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    oss.createBucket(bucket);
    this.client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    sys.put("workingDir", work.toAbsolutePath().toString());
    sys.put("workerTaskThreadNum", "4");
    job =
        TestJobs.localJob(
            JOB, src, oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey(), bucket);
    job.put("multipartUploadThreshold", "1m");
    job.put("multipartUploadPartSize", "256k");
    job.put("uploadThreadNumPerLargeFile", "3");
  }

  /** The facade over {@link #sys}, with an empty environment. */
  public OssImport open() throws Exception {
    return OssImport.open(null, sys, Collections.<String, String>emptyMap(), events);
  }

  /** {@link #job} written as a {@code local_job.cfg}. */
  public Path jobFile() throws IOException {
    Path file = temp.resolve("local_job.cfg");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# written by the test\n");
      for (Map.Entry<String, String> e : job.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    return file;
  }

  /**
   * Submits {@link #job} with the destination check and returns the one problem it is rejected
   * with, asserting that there is exactly one and that no job was written.
   */
  public ConfigProblem onlySubmitProblem(OssImport ossimport) {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                ossimport.submit(
                    jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertFalse(Files.exists(work.resolve("master/jobs/" + JOB)), "nothing written");
    return e.problems().get(0);
  }

  /** Writes a source file of random bytes and remembers it. */
  public byte[] file(String reference, int size) throws IOException {
    byte[] content = new byte[size];
    new Random(reference.hashCode() * 31L + size).nextBytes(content);
    return file(reference, content);
  }

  public byte[] file(String reference, byte[] content) throws IOException {
    Path p = src.resolve(reference);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    files.put(reference, content);
    return content;
  }

  /** Asserts every remembered file arrived: bytes, size and CRC-64, through a separate client. */
  public void assertAllStored() throws IOException {
    synchronized (files) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        assertStored(e.getKey(), e.getValue());
      }
    }
  }

  public void assertStored(String reference, byte[] expected) throws IOException {
    String key = DEST_PREFIX + reference;
    try (OSSObject o = client.getObject(bucket, key)) {
      assertArrayEquals(expected, readAll(o.getObjectContent()), "content of " + key);
      assertEquals(expected.length, o.getObjectMetadata().getContentLength(), "size of " + key);
      assertEquals(
          Long.valueOf(crc64(expected)), o.getObjectMetadata().getServerCRC(), "CRC-64 of " + key);
    }
  }

  /** Key → last-modified of every object in the bucket, straight from the emulator's store. */
  public Map<String, Long> storedObjects() throws Exception {
    Map<String, Long> objects = new HashMap<>();
    Iterator<ObjectSummary> it = oss.store().list(bucket, null, true);
    while (it.hasNext()) {
      ObjectSummary s = it.next();
      objects.put(s.key(), s.lastModified());
    }
    return objects;
  }

  public static long crc64(byte[] data) {
    CRC64 crc = new CRC64();
    crc.update(data, 0, data.length);
    return crc.getValue();
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
