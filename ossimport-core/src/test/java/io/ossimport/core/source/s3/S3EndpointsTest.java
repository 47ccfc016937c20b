package io.ossimport.core.source.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3EndpointsTest {

  private static S3Location s3(String domain) {
    return S3Endpoints.resolve(S3Flavor.S3, domain, "bkt", "p/", 0);
  }

  @Test
  void anAwsEndpointIsVirtualHostedAndSignedForTheRegionInItsName() {
    S3Location l = s3("http://s3.ap-northeast-1.amazonaws.com");
    assertEquals(URI.create("http://s3.ap-northeast-1.amazonaws.com"), l.endpoint());
    assertEquals("ap-northeast-1", l.region());
    assertFalse(l.pathStyle());
    assertEquals("bkt", l.bucket());
    assertEquals("p/", l.keyPrefix());
    assertEquals("eu-west-1", s3("s3-eu-west-1.amazonaws.com").region());
    assertEquals("cn-north-1", s3("s3.cn-north-1.amazonaws.com.cn").region());
    assertEquals("us-west-2", s3("s3.dualstack.us-west-2.amazonaws.com").region());
    assertEquals(
        "us-east-1",
        s3("https://bucket.vpce-1a2b3c4d-5e6f.s3.us-east-1.vpce.amazonaws.com").region());
    assertEquals("us-east-1", s3("s3.amazonaws.com").region());
  }

  @Test
  void aBareHostGetsHttpsAndAnExplicitPortIsKept() {
    assertEquals(
        URI.create("https://s3.us-west-2.amazonaws.com"),
        s3("s3.us-west-2.amazonaws.com").endpoint());
    assertEquals(URI.create("http://127.0.0.1:9000"), s3("http://127.0.0.1:9000/").endpoint());
  }

  @Test
  void anyOtherServerIsPathStyleInUsEast1() {
    S3Location minio = s3("http://minio.internal:9000");
    assertTrue(minio.pathStyle());
    assertEquals(S3Endpoints.DEFAULT_REGION, minio.region());
  }

  @Test
  void anEndpointWithAPathOrAnotherSchemeIsRefusedWithAnExample() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s3("http://s3.amazonaws.com/bkt"));
    assertTrue(e.getMessage().contains("srcDomain='http://s3.amazonaws.com/bkt'"), e.getMessage());
    assertTrue(e.getMessage().contains("e.g. srcDomain="), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s3("ftp://host"));
    assertThrows(IllegalArgumentException.class, () -> s3(""));
  }

  @Test
  void qiniuReadsThroughItsRegionalS3EndpointAndRefusesADownloadDomain() {
    S3Location l = S3Endpoints.resolve(S3Flavor.QINIU, "s3.cn-east-1.qiniucs.com", "b", "", 0);
    assertEquals("cn-east-1", l.region());
    assertFalse(l.pathStyle());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> S3Endpoints.resolve(S3Flavor.QINIU, "http://mybucket.u.qiniudn.com", "b", "", 0));
    assertTrue(e.getMessage().contains("download domain"), e.getMessage());
    assertTrue(
        e.getMessage().contains("srcDomain=https://s3.cn-east-1.qiniucs.com"), e.getMessage());
  }

  @Test
  void bosApiHostsBecomeTheirS3Hosts() {
    S3Location l = S3Endpoints.resolve(S3Flavor.BOS, "http://bj.bcebos.com", "b", "", 0);
    assertEquals(URI.create("http://s3.bj.bcebos.com"), l.endpoint());
    assertEquals("bj", l.region());
    S3Location already = S3Endpoints.resolve(S3Flavor.BOS, "https://s3.gz.bcebos.com", "b", "", 0);
    assertEquals(URI.create("https://s3.gz.bcebos.com"), already.endpoint());
    assertEquals("gz", already.region());
  }

  @Test
  void ks3RegionsComeFromTheHost() {
    assertEquals(
        "cn-beijing",
        S3Endpoints.resolve(S3Flavor.KS3, "http://ks3-cn-beijing.ksyun.com", "b", "", 0).region());
    assertEquals(
        "cn-shanghai",
        S3Endpoints.resolve(S3Flavor.KS3, "ks3-cn-shanghai-internal.ksyuncs.com", "b", "", 0)
            .region());
  }

  @Test
  void cosTakesARegionOrAnOldShortCodeAndAppendsTheAppIdToTheBucket() {
    S3Location l =
        S3Endpoints.resolve(S3Flavor.COS, "ap-guangzhou", "photos", "/2024/", 1250000000);
    assertEquals(URI.create("https://cos.ap-guangzhou.myqcloud.com"), l.endpoint());
    assertEquals("ap-guangzhou", l.region());
    assertFalse(l.pathStyle());
    assertEquals("photos-1250000000", l.bucket());
    assertEquals("2024/", l.keyPrefix(), "COS's leading / is not part of the keys");
    assertEquals("ap-shanghai", S3Endpoints.resolve(S3Flavor.COS, "sh", "b", "/", 1).region());
    assertEquals("ap-guangzhou", S3Endpoints.resolve(S3Flavor.COS, "gz", "b", "/", 1).region());
    assertEquals("ap-beijing-1", S3Endpoints.resolve(S3Flavor.COS, "tj", "b", "/", 1).region());
    assertEquals("", S3Endpoints.resolve(S3Flavor.COS, "sh", "b", "/", 1).keyPrefix());
    assertEquals(
        "ap-chengdu",
        S3Endpoints.resolve(S3Flavor.COS, "https://cos.ap-chengdu.myqcloud.com", "b", "/", 1)
            .region());
  }

  @Test
  void aCosBucketThatAlreadyEndsWithTheAppIdIsKept() {
    assertEquals("photos-1250000000", S3Endpoints.cosBucket("photos-1250000000", 1250000000));
    assertEquals("photos", S3Endpoints.cosBucket("photos", 0));
    assertEquals("photos-12-7", S3Endpoints.cosBucket("photos-12", 7));
  }

  @Test
  void cosWithoutSrcDomainSaysWhatToWrite() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> S3Endpoints.resolve(S3Flavor.COS, "", "b", "/", 1));
    assertTrue(e.getMessage().contains("srcDomain=ap-guangzhou"), e.getMessage());
  }

  @Test
  void cosOnACustomEndpointIsPathStyle() {
    S3Location l =
        S3Endpoints.resolve(S3Flavor.COS, "http://127.0.0.1:8080", "photos", "/docs/", 125);
    assertTrue(l.pathStyle());
    assertEquals("photos-125", l.bucket());
    assertEquals("docs/", l.keyPrefix());
  }
}
