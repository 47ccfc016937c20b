package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.common.utils.CRC64;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.SimplifiedObjectMeta;
import com.aliyun.oss.model.StorageClass;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Object operations through the real SDK, V1 and V4 signed. */
class ObjectOperationsTest {
  static OssEmulator oss;

  @BeforeAll
  static void start() throws IOException {
    oss = OssEmulator.builder().build().start();
    oss.createBucket("objects");
  }

  @AfterAll
  static void stop() throws IOException {
    oss.close();
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      out.write(buf, 0, n);
    }
    in.close();
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void putThenGetReturnsSameBytesWithUpperCaseMd5EtagAndMatchingCrc(SignVersion v)
      throws Exception {
    OSS client = SdkClients.client(oss, v);
    byte[] data = bytes(100_000, 1);
    PutObjectResult put =
        client.putObject("objects", "dir/a b+c%" + v, new ByteArrayInputStream(data));
    String md5 =
        io.ossimport.emulator.store.Hex.encodeUpper(MessageDigest.getInstance("MD5").digest(data));
    assertEquals(md5, put.getETag());
    CRC64 crc = new CRC64();
    crc.update(data, data.length);
    assertEquals(Long.valueOf(crc.getValue()), put.getServerCRC());
    OSSObject o = client.getObject("objects", "dir/a b+c%" + v);
    assertArrayEquals(data, read(o.getObjectContent()));
    assertEquals("Normal", o.getObjectMetadata().getObjectType());
    client.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void metadataRoundTripsThroughHeadAndGet(SignVersion v) throws Exception {
    OSS client = SdkClients.client(oss, v);
    ObjectMetadata meta = new ObjectMetadata();
    meta.setContentType("text/plain; charset=utf-8");
    meta.setContentDisposition("attachment; filename=\"x.txt\"");
    meta.setCacheControl("no-cache");
    meta.setContentEncoding("identity");
    meta.setHeader("x-oss-storage-class", StorageClass.IA.toString());
    meta.addUserMetadata("Owner", "alice");
    meta.addUserMetadata("note", "two words");
    client.putObject("objects", "meta/" + v, new ByteArrayInputStream(new byte[] {1, 2, 3}), meta);
    ObjectMetadata got = client.getObjectMetadata("objects", "meta/" + v);
    assertEquals("text/plain; charset=utf-8", got.getContentType());
    assertEquals("attachment; filename=\"x.txt\"", got.getContentDisposition());
    assertEquals("no-cache", got.getCacheControl());
    assertEquals("identity", got.getContentEncoding());
    assertEquals("IA", got.getObjectStorageClass().toString());
    assertEquals("alice", got.getUserMetadata().get("owner"));
    assertEquals("two words", got.getUserMetadata().get("note"));
    assertEquals(3, got.getContentLength());
    SimplifiedObjectMeta simple = client.getSimplifiedObjectMeta("objects", "meta/" + v);
    assertEquals(3, simple.getSize());
    assertEquals(got.getETag(), simple.getETag());
    client.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void rangesAndMissingKeys(SignVersion v) throws Exception {
    OSS client = SdkClients.client(oss, v);
    byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
    client.putObject("objects", "range", new ByteArrayInputStream(data));
    GetObjectRequest r = new GetObjectRequest("objects", "range");
    r.setRange(2, 5);
    OSSObject o = client.getObject(r);
    assertEquals("2345", new String(read(o.getObjectContent()), StandardCharsets.US_ASCII));
    r.setRange(7, -1);
    assertEquals(
        "789", new String(read(client.getObject(r).getObjectContent()), StandardCharsets.US_ASCII));
    GetObjectRequest beyond = new GetObjectRequest("objects", "range");
    beyond.setRange(10, 20);
    OSSException e = assertThrows(OSSException.class, () -> client.getObject(beyond));
    assertEquals("InvalidRange", e.getErrorCode());
    e = assertThrows(OSSException.class, () -> client.getObject("objects", "nope"));
    assertEquals("NoSuchKey", e.getErrorCode());
    e = assertThrows(OSSException.class, () -> client.getObjectMetadata("objects", "nope"));
    assertEquals("NoSuchKey", e.getErrorCode());
    e = assertThrows(OSSException.class, () -> client.getObject("no-such-bucket", "k"));
    assertEquals("NoSuchBucket", e.getErrorCode());
    client.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void deleteIsIdempotentAndCopyKeepsOrReplacesMetadata(SignVersion v) throws Exception {
    OSS client = SdkClients.client(oss, v);
    ObjectMetadata meta = new ObjectMetadata();
    meta.addUserMetadata("k", "v1");
    client.putObject("objects", "src" + v, new ByteArrayInputStream(new byte[] {9}), meta);
    client.copyObject("objects", "src" + v, "objects", "copy/" + v);
    assertEquals("v1", client.getObjectMetadata("objects", "copy/" + v).getUserMetadata().get("k"));
    CopyObjectRequest replace =
        new CopyObjectRequest("objects", "src" + v, "objects", "copy2/" + v);
    ObjectMetadata fresh = new ObjectMetadata();
    fresh.addUserMetadata("k", "v2");
    replace.setNewObjectMetadata(fresh);
    client.copyObject(replace);
    assertEquals(
        "v2", client.getObjectMetadata("objects", "copy2/" + v).getUserMetadata().get("k"));
    client.deleteObject("objects", "copy/" + v);
    client.deleteObject("objects", "copy/" + v);
    assertFalse(client.doesObjectExist("objects", "copy/" + v));
    assertTrue(client.doesObjectExist("objects", "copy2/" + v));
    client.shutdown();
  }
}
