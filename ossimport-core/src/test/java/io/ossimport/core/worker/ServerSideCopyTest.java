package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.UploadPartCopyRequest;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.MultipartRecord;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Objects of an OSS source on the destination's endpoint, copied by OSS through a worker. */
@ExtendWith(OssEmulatorExtension.class)
class ServerSideCopyTest {
  private static final int PART = 300 * 1024;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  OssEmulator oss;
  @TempDir Path temp;
  private WorkerHarness h;
  private String srcBucket;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
    srcBucket = "copy-source-" + BUCKETS.incrementAndGet();
    oss.createBucket(srcBucket);
    h.jobKeys.put("srcType", "oss");
    h.jobKeys.put("srcDomain", oss.endpoint() + "/"); // the same endpoint, written differently
    h.jobKeys.put("srcBucket", srcBucket);
    h.jobKeys.put("srcPrefix", "in/");
    h.jobKeys.put("srcAccessKey", oss.accessKeyId());
    h.jobKeys.put("srcSecretKey", oss.secretAccessKey());
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void aPartCopyRecordedInAnEarlierRunIsNotCopiedAgain() throws Exception {
    byte[] big = put("big.bin", 1_200_000); // 4 parts of 300 KB
    TaskId id = h.dispatch(Collections.singletonList(entry("big.bin")));
    String uploadId =
        h.client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(h.bucket, "dest/big.bin"))
            .getUploadId();
    try (MultipartRecord record = h.files(id).openMultipartRecord(0)) {
      record.startUpload(uploadId, PART, "dest/big.bin");
      for (int n = 1; n <= 2; n++) {
        String etag =
            h.client
                .uploadPartCopy(
                    new UploadPartCopyRequest(
                        srcBucket,
                        "in/big.bin",
                        h.bucket,
                        "dest/big.bin",
                        uploadId,
                        n,
                        (long) (n - 1) * PART,
                        (long) PART))
                .getETag();
        byte[] part = Arrays.copyOfRange(big, (n - 1) * PART, n * PART);
        record.partDone(n, etag, WorkerHarness.crc64(part));
      }
    }
    try (ProgressLog log = h.files(id).openProgressLog()) {
      log.begin(0);
    }
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(2, h.requests(Operation.UploadPartCopy), "parts 3 and 4 only");
    assertEquals(1, h.requests(Operation.ListParts));
    assertEquals(0, h.requests(Operation.InitiateMultipartUpload));
    assertEquals(1, h.requests(Operation.CompleteMultipartUpload));
    assertEquals(0, h.requests(Operation.GetObject) + h.requests(Operation.UploadPart));
    h.assertStored("big.bin", big);
    assertFalse(h.files(id).multipartUploads().findAny().isPresent(), "record dropped");
  }

  @Test
  void aCopyWhoseCrcDiffersFromTheSourcesIsCopiedAgain() throws Exception {
    byte[] small = put("small.txt", 5000);
    TaskId id = h.dispatch(Collections.singletonList(entry("small.txt")));
    oss.faults().script(Operation.CopyObject, FaultSpec.wrongCrc());
    oss.counters().reset();

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    assertEquals(2, h.requests(Operation.CopyObject));
    h.assertStored("small.txt", small);
    AuditRecord first = h.audit(id).get(0);
    assertEquals(AuditResult.RETRY, first.result());
    assertEquals(ReasonCode.CRC_NOT_MATCH, first.reason());
  }

  @Test
  void aSourceDeletedBeforeTheCopyIsSourceNotFound() throws Exception {
    put("gone.txt", 100);
    TaskId id = h.dispatch(Collections.singletonList(entry("gone.txt")));
    h.sourceWrapper = source -> new DeleteAfterStat(source); // gone between stat and copy

    TaskOutcome outcome = h.run(id);

    assertEquals(1, outcome.errors().size());
    assertEquals(ReasonCode.SOURCE_NOT_FOUND, outcome.errors().get(0).reason());
    assertFalse(h.exists("gone.txt"));
  }

  @Test
  void endpointsAreTheSameWhateverTheSchemeSlashesAndCase() {
    assertTrue(
        CopyRoute.sameEndpoint(
            "http://oss-cn-hangzhou.aliyuncs.com", "https://OSS-cn-hangzhou.aliyuncs.com/"));
    assertTrue(
        CopyRoute.sameEndpoint(
            "oss-cn-hangzhou.aliyuncs.com", "http://oss-cn-hangzhou.aliyuncs.com//"));
    assertFalse(
        CopyRoute.sameEndpoint(
            "http://oss-cn-hangzhou.aliyuncs.com", "http://oss-cn-hangzhou-internal.aliyuncs.com"));
    assertFalse(CopyRoute.sameEndpoint("", ""));
  }

  private byte[] put(String reference, int size) {
    byte[] content = WorkerHarness.bytes(size, reference.hashCode());
    h.client.putObject(srcBucket, "in/" + reference, new ByteArrayInputStream(content));
    return content;
  }

  /** The TASK entry the scan writes: size and Last-Modified in whole seconds. */
  private TaskEntry entry(String reference) {
    com.aliyun.oss.model.ObjectMetadata m =
        h.client.getObjectMetadata(srcBucket, "in/" + reference);
    return TaskEntry.of(
        reference,
        WorkerHarness.DEST_PREFIX + reference,
        m.getContentLength(),
        m.getLastModified().getTime() / 1000 * 1000);
  }

  /** A source whose object is deleted right after the worker's first look at it. */
  private final class DeleteAfterStat implements Source {
    private final Source delegate;

    DeleteAfterStat(Source delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<SourceFeature> features() {
      return delegate.features();
    }

    @Override
    public Listing list(String checkpoint, ListingListener listener) throws IOException {
      return delegate.list(checkpoint, listener);
    }

    @Override
    public InputStream open(String reference) throws IOException {
      return delegate.open(reference);
    }

    @Override
    public InputStream open(String reference, long offset, long length) throws IOException {
      return delegate.open(reference, offset, length);
    }

    @Override
    public ObjectStat stat(String reference) throws IOException {
      ObjectStat s = delegate.stat(reference);
      h.client.deleteObject(srcBucket, "in/" + reference);
      return s;
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
