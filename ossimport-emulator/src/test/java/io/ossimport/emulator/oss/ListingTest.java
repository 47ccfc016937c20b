package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.SdkClients;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ListObjects V1/V2 paging, delimiters, byte order and encoding-type=url with odd keys. */
class ListingTest {
  static OssEmulator oss;
  static OSS client;
  static final List<String> KEYS =
      Arrays.asList(
          "a/1",
          "a/2",
          "a/b/3",
          "b",
          "c d",
          "c+d",
          "c%d",
          "z\u00e9",
          "z\uffee",
          "z\ud83d\ude00",
          "\u4e2d\u6587/x");

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().build().start();
    oss.createBucket("list");
    client = SdkClients.client(oss, SignVersion.V4);
    for (String k : KEYS) {
      client.putObject("list", k, new ByteArrayInputStream(k.getBytes("UTF-8")));
    }
    client.initiateMultipartUpload(
        new com.aliyun.oss.model.InitiateMultipartUploadRequest("list", "in-progress"));
  }

  @AfterAll
  static void stop() throws Exception {
    client.shutdown();
    oss.close();
  }

  static String dec(String s) throws Exception {
    return s == null ? null : URLDecoder.decode(s, "UTF-8");
  }

  /** Keys sorted as unsigned UTF-8 bytes. */
  static List<String> byteOrder() {
    List<String> sorted = new ArrayList<String>(KEYS);
    sorted.sort(
        (x, y) -> {
          byte[] a = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          byte[] b = y.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = (a[i] & 0xff) - (b[i] & 0xff);
            if (c != 0) {
              return c;
            }
          }
          return a.length - b.length;
        });
    return sorted;
  }

  @Test
  void v1PagesThroughEveryKeyInByteOrderWithUrlEncoding() throws Exception {
    List<String> seen = new ArrayList<String>();
    String marker = null;
    int pages = 0;
    do {
      ListObjectsRequest r = new ListObjectsRequest("list");
      r.setMaxKeys(3);
      r.setEncodingType("url");
      r.setMarker(marker);
      ObjectListing l = client.listObjects(r);
      for (OSSObjectSummary s : l.getObjectSummaries()) {
        seen.add(dec(s.getKey()));
      }
      marker = l.isTruncated() ? dec(l.getNextMarker()) : null;
      pages++;
    } while (marker != null);
    assertEquals(byteOrder(), seen);
    assertEquals(4, pages);
  }

  @Test
  void v1DelimiterRollsUpCommonPrefixes() throws Exception {
    ListObjectsRequest r = new ListObjectsRequest("list");
    r.setDelimiter("/");
    ObjectListing l = client.listObjects(r);
    assertEquals(Arrays.asList("a/", "\u4e2d\u6587/"), l.getCommonPrefixes());
    assertFalse(l.getObjectSummaries().stream().anyMatch(s -> s.getKey().contains("/")));
    r.setPrefix("a/");
    l = client.listObjects(r);
    assertEquals(Arrays.asList("a/b/"), l.getCommonPrefixes());
    assertEquals(2, l.getObjectSummaries().size());
    ListObjectsRequest paged = new ListObjectsRequest("list");
    paged.setDelimiter("/");
    paged.setMaxKeys(1);
    l = client.listObjects(paged);
    assertEquals(Arrays.asList("a/"), l.getCommonPrefixes());
    assertTrue(l.isTruncated());
    paged.setMarker(l.getNextMarker());
    l = client.listObjects(paged);
    assertEquals("b", l.getObjectSummaries().get(0).getKey());
  }

  @Test
  void v2ContinuationTokensStartAfterAndKeyCount() throws Exception {
    List<String> seen = new ArrayList<String>();
    String token = null;
    do {
      ListObjectsV2Request r = new ListObjectsV2Request("list");
      r.setMaxKeys(4);
      r.setEncodingType("url");
      r.setContinuationToken(token);
      ListObjectsV2Result l = client.listObjectsV2(r);
      assertEquals(l.getObjectSummaries().size(), l.getKeyCount());
      for (OSSObjectSummary s : l.getObjectSummaries()) {
        seen.add(dec(s.getKey()));
        assertNull(s.getOwner());
      }
      token = l.isTruncated() ? l.getNextContinuationToken() : null;
    } while (token != null);
    assertEquals(byteOrder(), seen);
    ListObjectsV2Request after = new ListObjectsV2Request("list");
    after.setStartAfter("c d");
    after.setFetchOwner(true);
    ListObjectsV2Result l = client.listObjectsV2(after);
    assertEquals("c%d", l.getObjectSummaries().get(0).getKey());
    assertEquals("1000000000000000", l.getObjectSummaries().get(0).getOwner().getId());
  }

  @Test
  void badListingArgumentsAreRefused() {
    ListObjectsRequest r = new ListObjectsRequest("list");
    r.setEncodingType("base64");
    OSSException e = assertThrows(OSSException.class, () -> client.listObjects(r));
    assertEquals("InvalidArgument", e.getErrorCode());
    ListObjectsV2Request bad = new ListObjectsV2Request("list");
    bad.setContinuationToken("!!!");
    e = assertThrows(OSSException.class, () -> client.listObjectsV2(bad));
    assertEquals("InvalidArgument", e.getErrorCode());
  }
}
