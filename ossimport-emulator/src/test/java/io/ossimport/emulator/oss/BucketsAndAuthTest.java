package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.RawHttp;
import io.ossimport.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bucket operations, multi-delete and every authentication path, through the SDK. */
class BucketsAndAuthTest {
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss =
        OssEmulator.builder()
            .credentials("ak-one", "secret-one")
            .credentials("ak-two", "secret-two")
            .region("cn-shanghai")
            .build()
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void bucketLifecycle(SignVersion v) {
    OSS c = SdkClients.client(oss, v, "ak-two", "secret-two");
    String name = "life-" + v.toString().toLowerCase();
    assertFalse(c.doesBucketExist(name));
    CreateBucketRequest create = new CreateBucketRequest(name);
    create.setCannedACL(CannedAccessControlList.PublicRead);
    c.createBucket(create);
    assertTrue(c.doesBucketExist(name));
    OSSException e = assertThrows(OSSException.class, () -> c.createBucket(name));
    assertEquals("BucketAlreadyExists", e.getErrorCode());
    assertEquals("oss-cn-shanghai", c.getBucketLocation(name));
    BucketInfo info = c.getBucketInfo(name);
    assertEquals(name, info.getBucket().getName());
    assertEquals(CannedAccessControlList.PublicRead, info.getCannedACL());
    assertEquals("cn-shanghai", c.getBucketMetadata(name).getBucketRegion());
    List<String> names = c.listBuckets().stream().map(Bucket::getName).collect(Collectors.toList());
    assertTrue(names.contains(name));
    c.putObject(name, "x", new ByteArrayInputStream(new byte[1]));
    e = assertThrows(OSSException.class, () -> c.deleteBucket(name));
    assertEquals("BucketNotEmpty", e.getErrorCode());
    c.deleteObject(name, "x");
    String id =
        c.initiateMultipartUpload(new InitiateMultipartUploadRequest(name, "u")).getUploadId();
    e = assertThrows(OSSException.class, () -> c.deleteBucket(name));
    assertEquals("BucketNotEmpty", e.getErrorCode());
    c.abortMultipartUpload(new com.aliyun.oss.model.AbortMultipartUploadRequest(name, "u", id));
    c.deleteBucket(name);
    assertFalse(c.doesBucketExist(name));
    e = assertThrows(OSSException.class, () -> c.deleteBucket(name));
    assertEquals("NoSuchBucket", e.getErrorCode());
    c.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void deleteMultipleObjectsVerboseQuietAndUrlEncoded(SignVersion v) {
    OSS c = SdkClients.client(oss, v, "ak-one", "secret-one");
    String b = "multi-" + v.toString().toLowerCase();
    c.createBucket(b);
    for (String k : Arrays.asList("a", "b c", "d&e")) {
      c.putObject(b, k, new ByteArrayInputStream(new byte[1]));
    }
    DeleteObjectsResult verbose =
        c.deleteObjects(new DeleteObjectsRequest(b).withKeys(Arrays.asList("a", "d&e", "missing")));
    assertEquals(Arrays.asList("a", "d&e", "missing"), verbose.getDeletedObjects());
    DeleteObjectsRequest encoded = new DeleteObjectsRequest(b).withKeys(Arrays.asList("b c"));
    encoded.setEncodingType("url");
    assertEquals(Arrays.asList("b%20c"), c.deleteObjects(encoded).getDeletedObjects());
    DeleteObjectsRequest quiet =
        new DeleteObjectsRequest(b).withKeys(Arrays.asList("zz")).withQuiet(true);
    assertTrue(c.deleteObjects(quiet).getDeletedObjects().isEmpty());
    assertTrue(c.listObjects(b).getObjectSummaries().isEmpty());
    c.shutdown();
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void wrongSecretUnknownKeyAndSkewedClockAreRefused(SignVersion v) throws Exception {
    oss.createBucketIfMissing("auth");
    OSS bad = SdkClients.client(oss, v, "ak-one", "not-the-secret");
    OSSException e = assertThrows(OSSException.class, () -> bad.listObjects("auth"));
    assertEquals("SignatureDoesNotMatch", e.getErrorCode());
    OSS unknown = SdkClients.client(oss, v, "who", "ever");
    e = assertThrows(OSSException.class, () -> unknown.listObjects("auth"));
    assertEquals("InvalidAccessKeyId", e.getErrorCode());
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(v);
    conf.setMaxErrorRetry(0);
    conf.setTickOffset(System.currentTimeMillis() - 16 * 60 * 1000L);
    OSS skewed =
        OSSClientBuilder.create()
            .endpoint(oss.endpoint())
            .credentialsProvider(new DefaultCredentialProvider("ak-one", "secret-one"))
            .clientConfiguration(conf)
            .region("cn-shanghai")
            .build();
    e = assertThrows(OSSException.class, () -> skewed.listObjects("auth"));
    assertEquals("RequestTimeTooSkewed", e.getErrorCode());
    if (v == SignVersion.V4) {
      ClientBuilderConfiguration plain = new ClientBuilderConfiguration();
      plain.setSignatureVersion(v);
      plain.setMaxErrorRetry(0);
      OSS wrongRegion =
          OSSClientBuilder.create()
              .endpoint(oss.endpoint())
              .credentialsProvider(new DefaultCredentialProvider("ak-one", "secret-one"))
              .clientConfiguration(plain)
              .region("us-west-1")
              .build();
      e = assertThrows(OSSException.class, () -> wrongRegion.listObjects("auth"));
      assertEquals("SignatureDoesNotMatch", e.getErrorCode());
    }
    RawHttp.Response anonymous = RawHttp.call("GET", oss.endpoint() + "/auth/", null);
    assertEquals(403, anonymous.status);
    assertEquals("AccessDenied", anonymous.errorCode());
  }

  @ParameterizedTest
  @EnumSource(
      value = SignVersion.class,
      names = {"V1", "V4"})
  void presignedUrlsWorkAndExpire(SignVersion v) throws Exception {
    oss.createBucketIfMissing("presign");
    OSS c = SdkClients.client(oss, v, "ak-one", "secret-one");
    byte[] data = {1, 2, 3, 4};
    URL put =
        c.generatePresignedUrl(
            "presign", "p/" + v, new Date(System.currentTimeMillis() + 60_000), HttpMethod.PUT);
    c.putObject(
        put, new ByteArrayInputStream(data), data.length, new java.util.HashMap<String, String>());
    URL get =
        c.generatePresignedUrl("presign", "p/" + v, new Date(System.currentTimeMillis() + 60_000));
    assertArrayEquals(data, ObjectOperationsTest.read(get.openStream()));
    URL old =
        c.generatePresignedUrl("presign", "p/" + v, new Date(System.currentTimeMillis() - 60_000));
    java.net.HttpURLConnection conn = (java.net.HttpURLConnection) old.openConnection();
    assertEquals(403, conn.getResponseCode());
    c.shutdown();
  }

  @Test
  void anonymousAccessCanBeAllowed() throws Exception {
    try (OssEmulator open =
        OssEmulator.builder().allowAnonymous(true).bucket("pub").build().start()) {
      assertEquals(200, RawHttp.call("PUT", open.endpoint() + "/pub/k", new byte[] {7}).status);
      RawHttp.Response get = RawHttp.call("GET", open.endpoint() + "/pub/k", null);
      assertArrayEquals(new byte[] {7}, get.body);
      assertEquals("application/octet-stream", get.header("Content-Type"));
    }
  }
}
