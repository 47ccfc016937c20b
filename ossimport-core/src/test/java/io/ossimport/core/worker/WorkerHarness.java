package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.OSSObject;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.RecordedProgress;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import io.ossimport.core.retry.Backoff;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.registry.Sources;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A job tree with one job over a local source directory, an emulated destination bucket of its own,
 * and the means to run hand-made dispatched tasks through a real {@link Worker} and check what
 * arrived with a separate SDK client.
 */
final class WorkerHarness implements AutoCloseable {
  static final String JOB = "local_test";
  static final String WORKER = "localhost";
  static final String DEST_PREFIX = "dest/";
  static final String SECRET_MARK = "wrong-secret-never-logged";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  final OssEmulator oss;
  final Path src;
  final JobTree tree;
  final String bucket;
  final OSS client;
  final List<ImportEvent> events = Collections.synchronizedList(new ArrayList<ImportEvent>());
  final Map<String, String> jobKeys = new LinkedHashMap<>();
  final Map<String, String> sysKeys = new LinkedHashMap<>();

  /** The environment the job is loaded with (proxy variables for the network tests). */
  final Map<String, String> environment = new LinkedHashMap<>();

  /** Short waits so that retry tests stay fast; 4 attempts per request. */
  Backoff backoff = new Backoff(1, 4, 4, new Random(7));

  /** Wraps the job's source, for tests that change files while they are read. */
  UnaryOperator<Source> sourceWrapper = UnaryOperator.identity();

  WorkerHarness(OssEmulator oss, Path temp) throws IOException {
    this.oss = oss;
    this.src = Files.createDirectories(temp.resolve("src"));
    this.tree = new JobTree(Files.createDirectories(temp.resolve("work")));
    this.bucket = "worker-" + BUCKETS.incrementAndGet();
    oss.createBucket(bucket);
    this.client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    tree.submit(JOB, "jobName=" + JOB + "\n");
    jobKeys.put("srcType", "local");
    jobKeys.put("srcPrefix", src.toAbsolutePath().toString().replace('\\', '/') + "/");
    jobKeys.put("destAccessKey", oss.accessKeyId());
    jobKeys.put("destSecretKey", oss.secretAccessKey());
    jobKeys.put("destDomain", oss.endpoint());
    jobKeys.put("destBucket", bucket);
    jobKeys.put("destPrefix", DEST_PREFIX);
    jobKeys.put("multipartUploadThreshold", "1m");
    jobKeys.put("multipartUploadPartSize", "300k");
    jobKeys.put("uploadThreadNumPerLargeFile", "3");
    // These tests count the requests of the upload itself; AuditAfterImportTest turns it on.
    jobKeys.put("isAuditAfterImport", "false");
    sysKeys.put("workerTaskThreadNum", "4");
  }

  JobConfig jobConfig() throws Exception {
    return new JobConfigLoader(environment).load(jobKeys, "test job").config();
  }

  SysConfig sysConfig() throws Exception {
    return new SysConfigLoader().load(sysKeys, "test sys").config();
  }

  Worker worker() throws Exception {
    return new Worker(sysConfig(), events(), backoff);
  }

  ImportListener events() {
    return events::add;
  }

  JobRuntime openJob(Worker worker) throws Exception {
    JobConfig config = jobConfig();
    return worker.openJob(tree, JOB, config, sourceWrapper.apply(Sources.open(config)));
  }

  /** Writes a source file (parents created) and returns its bytes. */
  byte[] file(String reference, byte[] content) throws IOException {
    Path p = src.resolve(reference);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return content;
  }

  byte[] file(String reference, int size) throws IOException {
    return file(reference, bytes(size, reference.hashCode()));
  }

  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** The TASK entry the scanner would write for a source file as it is now. */
  TaskEntry entry(String reference) throws IOException {
    Path p = src.resolve(reference);
    return TaskEntry.of(
        reference, DEST_PREFIX + reference, Files.size(p), Files.getLastModifiedTime(p).toMillis());
  }

  List<TaskEntry> entries(String... references) throws IOException {
    List<TaskEntry> list = new ArrayList<>();
    for (String r : references) {
      list.add(entry(r));
    }
    return list;
  }

  /** A new task dispatched to {@link #WORKER}. */
  TaskId dispatch(List<TaskEntry> entries) throws IOException {
    TaskId id = tree.addTask(JOB, entries);
    tree.dispatch(JOB, id, WORKER);
    return id;
  }

  /** Runs a dispatched task on a fresh worker. */
  TaskOutcome run(TaskId id) throws Exception {
    try (Worker worker = worker();
        JobRuntime job = openJob(worker)) {
      return worker.runTask(job, id, WORKER);
    }
  }

  WorkerTaskFiles files(TaskId id) {
    return tree.workerFiles(JOB, id);
  }

  List<AuditRecord> audit(TaskId id) throws IOException {
    List<AuditRecord> records = new ArrayList<>();
    files(id).readAudit(records::add);
    return records;
  }

  RecordedProgress progress(TaskId id) throws IOException {
    return files(id).readProgress();
  }

  long requests(io.ossimport.emulator.Operation op) {
    return oss.counters().get(op);
  }

  /** Asserts the object of {@code reference} holds exactly {@code expected}, CRC-64 included. */
  void assertStored(String reference, byte[] expected) throws IOException {
    String key = DEST_PREFIX + reference;
    try (OSSObject o = client.getObject(bucket, key)) {
      byte[] actual = readAll(o.getObjectContent());
      assertArrayEquals(expected, actual, "content of " + key);
      assertEquals(expected.length, o.getObjectMetadata().getContentLength(), "size of " + key);
      assertEquals(
          Long.valueOf(crc64(expected)), o.getObjectMetadata().getServerCRC(), "CRC-64 of " + key);
    }
  }

  boolean exists(String reference) {
    return client.doesObjectExist(bucket, DEST_PREFIX + reference);
  }

  static long crc64(byte[] data) {
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

  /** Every event message so far, one per line. */
  String eventText() {
    StringBuilder sb = new StringBuilder();
    synchronized (events) {
      for (ImportEvent e : events) {
        sb.append(e.level()).append(' ').append(e.message()).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
