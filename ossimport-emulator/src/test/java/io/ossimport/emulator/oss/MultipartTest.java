package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.SdkClients;
import io.ossimport.emulator.store.Hex;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Multipart uploads through the SDK: happy path, limits, listing and part copy. */
class MultipartTest {
  static OssEmulator oss;
  static final int PART = 102400;

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().build().start();
    oss.createBucket("mpu");
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  static String init(OSS c, String key) {
    ObjectMetadata m = new ObjectMetadata();
    m.addUserMetadata("origin", "multipart");
    return c.initiateMultipartUpload(new InitiateMultipartUploadRequest("mpu", key, m))
        .getUploadId();
  }

  static PartETag part(OSS c, String key, String id, int n, byte[] data) {
    UploadPartRequest r =
        new UploadPartRequest("mpu", key, id, n, new ByteArrayInputStream(data), data.length);
    return c.uploadPart(r).getPartETag();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void completedObjectHasOssMultipartEtagCombinedCrcAndMetadata(SignVersion v) throws Exception {
    OSS c = SdkClients.client(oss, v);
    String key = "big/" + v;
    String id = init(c, key);
    byte[] p1 = ObjectOperationsTest.bytes(PART, 1);
    byte[] p2 = ObjectOperationsTest.bytes(PART + 7, 2);
    byte[] p3 = ObjectOperationsTest.bytes(10, 3);
    List<PartETag> tags = new ArrayList<PartETag>();
    tags.add(part(c, key, id, 1, p1));
    tags.add(part(c, key, id, 2, p2));
    tags.add(part(c, key, id, 3, p3));
    PartListing parts = c.listParts(new ListPartsRequest("mpu", key, id));
    assertEquals(3, parts.getParts().size());
    assertEquals(PART + 7, parts.getParts().get(1).getSize());
    CompleteMultipartUploadResult done =
        c.completeMultipartUpload(new CompleteMultipartUploadRequest("mpu", key, id, tags));
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (byte[] p : Arrays.asList(p1, p2, p3)) {
      md5.update(MessageDigest.getInstance("MD5").digest(p));
    }
    assertEquals(Hex.encodeUpper(md5.digest()) + "-3", done.getETag());
    byte[] all = new byte[p1.length + p2.length + p3.length];
    System.arraycopy(p1, 0, all, 0, p1.length);
    System.arraycopy(p2, 0, all, p1.length, p2.length);
    System.arraycopy(p3, 0, all, p1.length + p2.length, p3.length);
    CRC64 crc = new CRC64();
    crc.update(all, all.length);
    assertEquals(Long.valueOf(crc.getValue()), done.getServerCRC());
    assertArrayEquals(all, ObjectOperationsTest.read(c.getObject("mpu", key).getObjectContent()));
    ObjectMetadata meta = c.getObjectMetadata("mpu", key);
    assertEquals("Multipart", meta.getObjectType());
    assertEquals("multipart", meta.getUserMetadata().get("origin"));
    OSSException e =
        assertThrows(OSSException.class, () -> c.listParts(new ListPartsRequest("mpu", key, id)));
    assertEquals("NoSuchUpload", e.getErrorCode());
    c.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void completionEnforcesOssLimits(SignVersion v) {
    OSS c = SdkClients.client(oss, v);
    String key = "limits/" + v;
    String id = init(c, key);
    PartETag small = part(c, key, id, 1, new byte[PART - 1]);
    PartETag last = part(c, key, id, 2, new byte[5]);
    OSSException e =
        assertThrows(
            OSSException.class,
            () ->
                c.completeMultipartUpload(
                    new CompleteMultipartUploadRequest(
                        "mpu", key, id, new ArrayList<PartETag>(Arrays.asList(small, last)))));
    assertEquals("EntityTooSmall", e.getErrorCode());
    PartETag wrong = new PartETag(2, "0123456789ABCDEF0123456789ABCDEF");
    e =
        assertThrows(
            OSSException.class,
            () ->
                c.completeMultipartUpload(
                    new CompleteMultipartUploadRequest(
                        "mpu", key, id, new ArrayList<PartETag>(Arrays.asList(wrong)))));
    assertEquals("InvalidPart", e.getErrorCode());
    PartETag missing = new PartETag(9, small.getETag());
    e =
        assertThrows(
            OSSException.class,
            () ->
                c.completeMultipartUpload(
                    new CompleteMultipartUploadRequest(
                        "mpu", key, id, new ArrayList<PartETag>(Arrays.asList(missing)))));
    assertEquals("InvalidPart", e.getErrorCode());
    e =
        assertThrows(
            OSSException.class,
            () -> part(c, key, "0123456789ABCDEF0123456789ABCDEF", 1, new byte[1]));
    assertEquals("NoSuchUpload", e.getErrorCode());
    c.abortMultipartUpload(new AbortMultipartUploadRequest("mpu", key, id));
    e =
        assertThrows(
            OSSException.class,
            () -> c.abortMultipartUpload(new AbortMultipartUploadRequest("mpu", key, id)));
    assertEquals("NoSuchUpload", e.getErrorCode());
    c.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void listUploadsPagesAndPartCopyCopiesARange(SignVersion v) throws Exception {
    OSS c = SdkClients.client(oss, v);
    String prefix = "list-" + v + "/";
    List<String> ids = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      ids.add(init(c, prefix + "k" + i));
    }
    ListMultipartUploadsRequest r = new ListMultipartUploadsRequest("mpu");
    r.setPrefix(prefix);
    r.setMaxUploads(2);
    MultipartUploadListing l = c.listMultipartUploads(r);
    assertEquals(2, l.getMultipartUploads().size());
    assertTrue(l.isTruncated());
    r.setKeyMarker(l.getNextKeyMarker());
    r.setUploadIdMarker(l.getNextUploadIdMarker());
    l = c.listMultipartUploads(r);
    assertEquals(prefix + "k2", l.getMultipartUploads().get(0).getKey());

    byte[] src = ObjectOperationsTest.bytes(300_000, 9);
    c.putObject("mpu", "copy-src" + v, new ByteArrayInputStream(src));
    String key = "copied/" + v;
    String id = init(c, key);
    UploadPartCopyRequest copy =
        new UploadPartCopyRequest("mpu", "copy-src" + v, "mpu", key, id, 1, 0L, (long) PART);
    PartETag t1 = c.uploadPartCopy(copy).getPartETag();
    UploadPartCopyRequest copy2 =
        new UploadPartCopyRequest(
            "mpu", "copy-src" + v, "mpu", key, id, 2, (long) PART, (long) (src.length - PART));
    PartETag t2 = c.uploadPartCopy(copy2).getPartETag();
    c.completeMultipartUpload(
        new CompleteMultipartUploadRequest(
            "mpu", key, id, new ArrayList<PartETag>(Arrays.asList(t1, t2))));
    assertArrayEquals(src, ObjectOperationsTest.read(c.getObject("mpu", key).getObjectContent()));
    c.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void completeAllHeaderAssemblesEveryUploadedPart(SignVersion v) throws Exception {
    OSS c = SdkClients.client(oss, v);
    String key = "all/" + v;
    String id = init(c, key);
    part(c, key, id, 2, new byte[] {2});
    part(c, key, id, 1, new byte[PART]);
    CompleteMultipartUploadRequest all = new CompleteMultipartUploadRequest("mpu", key, id, null);
    all.addHeader("x-oss-complete-all", "yes");
    c.completeMultipartUpload(all);
    byte[] got = ObjectOperationsTest.read(c.getObject("mpu", key).getObjectContent());
    assertEquals(PART + 1, got.length);
    assertEquals(2, got[PART]);
    c.shutdown();
  }
}
