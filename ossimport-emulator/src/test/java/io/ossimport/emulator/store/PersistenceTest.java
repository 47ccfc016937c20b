package io.ossimport.emulator.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory survives restarts; interrupted writes leave no trace. */
class PersistenceTest {
  @Test
  void objectsBucketsAndUploadsSurviveARestart(@TempDir Path dir) throws Exception {
    String uploadId;
    PartETag first;
    byte[] part1 = new byte[102400];
    new java.util.Random(3).nextBytes(part1);
    try (OssEmulator a = OssEmulator.builder().dataDir(dir).bucket("keep").build().start()) {
      OSS c = SdkClients.client(a, SignVersion.V1);
      ObjectMetadata m = new ObjectMetadata();
      m.addUserMetadata("color", "blue");
      m.setContentType("image/png");
      c.putObject("keep", "dir/one", new ByteArrayInputStream(new byte[] {1, 2, 3}), m);
      c.putObject("keep", "two", new ByteArrayInputStream(new byte[] {4}));
      uploadId =
          c.initiateMultipartUpload(new InitiateMultipartUploadRequest("keep", "big"))
              .getUploadId();
      first =
          c.uploadPart(
                  new UploadPartRequest(
                      "keep", "big", uploadId, 1, new ByteArrayInputStream(part1), part1.length))
              .getPartETag();
      c.shutdown();
    }
    try (OssEmulator b = OssEmulator.builder().dataDir(dir).bucket("keep").build().start()) {
      OSS c = SdkClients.client(b, SignVersion.V4);
      ObjectMetadata m = c.getObjectMetadata("keep", "dir/one");
      assertEquals("blue", m.getUserMetadata().get("color"));
      assertEquals("image/png", m.getContentType());
      assertEquals(2, c.listObjects("keep").getObjectSummaries().size());
      assertEquals(1, c.listParts(new ListPartsRequest("keep", "big", uploadId)).getParts().size());
      PartETag second =
          c.uploadPart(
                  new UploadPartRequest(
                      "keep", "big", uploadId, 2, new ByteArrayInputStream(new byte[] {9}), 1))
              .getPartETag();
      c.completeMultipartUpload(
          new CompleteMultipartUploadRequest(
              "keep",
              "big",
              uploadId,
              new java.util.ArrayList<PartETag>(java.util.Arrays.asList(first, second))));
      assertEquals(102401, c.getObjectMetadata("keep", "big").getContentLength());
      c.shutdown();
    }
  }

  @Test
  void aWriteKilledBeforeItsRenameIsInvisibleAfterRestart(@TempDir Path dir) throws Exception {
    try (Store s = Store.onDisk(dir, false)) {
      s.createBucket("crash", "oss-x", "private", "Standard");
      ObjectWriter done = s.newWriter();
      done.write(new byte[] {1}, 0, 1);
      s.commitObject("crash", "whole", done, "E", new ObjectAttributes());
      ObjectWriter cut = s.newWriter();
      cut.write(new byte[1000], 0, 1000);
      // simulate kill -9: the writer is neither committed nor closed, its temp file stays
    }
    assertTrue(Files.list(dir.resolve("tmp")).count() > 0, "temp file left as by a kill");
    try (Store s = Store.onDisk(dir, false)) {
      assertEquals(1, s.objectCount("crash"));
      Iterator<ObjectSummary> it = s.list("crash", null, true);
      assertEquals("whole", it.next().key());
      assertFalse(it.hasNext());
      assertEquals(0, Files.list(dir.resolve("tmp")).count());
      try (StoredObject o = s.open("crash", "whole")) {
        assertNotNull(o);
        InputStream in = o.open(0, 1);
        assertEquals(1, in.read());
      }
    }
  }

  @Test
  void memoryAndDiskStoresBehaveAlike(@TempDir Path dir) throws Exception {
    for (Store s : new Store[] {Store.inMemory(), Store.onDisk(dir, true)}) {
      s.createBucket("same", "oss-x", "private", "Standard");
      byte[] big = new byte[700_000];
      new java.util.Random(4).nextBytes(big);
      ObjectWriter w = s.newWriter();
      w.transferFrom(new ByteArrayInputStream(big));
      ObjectMeta m =
          s.commitObject("same", "k", w, "E", new ObjectAttributes().putUserMetadata("A", "b"));
      assertEquals(Crc64.of(big), m.crc64());
      try (StoredObject o = s.open("same", "k")) {
        assertEquals("b", o.meta().attributes().userMetadata().get("a"));
        byte[] mid = new byte[1000];
        InputStream in = o.open(300_000, 1000);
        int off = 0;
        int n;
        while (off < 1000 && (n = in.read(mid, off, 1000 - off)) > 0) {
          off += n;
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(big, 300_000, 301_000), mid);
      }
      assertTrue(s.deleteObject("same", "k"));
      assertEquals(Collections.emptyList(), s.uploads("same"));
      s.deleteBucket("same");
      s.close();
    }
  }
}
