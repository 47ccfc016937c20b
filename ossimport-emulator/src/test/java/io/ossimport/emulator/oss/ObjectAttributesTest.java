package io.ossimport.emulator.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.OssEmulator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an object carries besides its bytes, with V1 requests built by hand from the OSS
 * documentation (PutObject, HeadObject, GetObject, CopyObject, InitiateMultipartUpload,
 * GetObjectTagging, PutObjectTagging, DeleteObjectTagging, GetObjectACL, PutObjectACL; the tag
 * rules of the PutObjectTagging usage notes and error pages 0010-00000209/-214/-217/-219; Archive
 * reads refused as error page 0016-00000404 says).
 */
class ObjectAttributesTest {
  private static final String AK = "attr-ak";
  private static final String SECRET = "attr-secret";
  static OssEmulator oss;

  @BeforeAll
  static void start() throws Exception {
    oss = OssEmulator.builder().credentials(AK, SECRET).bucket("attrs").build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    oss.close();
  }

  /** A V1-signed request; {@code subresource} is the signed query ("" for none). */
  private static RawSocket.Response send(
      String method, String key, String subresource, byte[] body, String... nameValues)
      throws Exception {
    Map<String, String> h = new LinkedHashMap<String, String>();
    String now = DocSigner.gmt(System.currentTimeMillis());
    h.put("Date", now);
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      h.put(nameValues[i], nameValues[i + 1]);
    }
    String resource = "/attrs/" + key + subresource;
    String toSign = DocSigner.v1StringToSign(method, h, now, resource);
    h.put("Authorization", "OSS " + AK + ":" + DocSigner.v1Signature(SECRET, toSign));
    return RawSocket.send(oss.port(), method, resource, h, body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertError(RawSocket.Response r, int status, String code) {
    assertEquals(status, r.status, r.toString());
    assertEquals(code, r.errorCode(), r.toString());
  }

  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }

  @Test
  void putStoresEveryAttributeAndHeadAndGetReturnThem() throws Exception {
    RawSocket.Response put =
        send(
            "PUT",
            "all.txt",
            "",
            utf8("hello"),
            "Cache-Control",
            "max-age=3600",
            "Content-Disposition",
            "attachment; filename=all.txt",
            "Content-Language",
            "en",
            "x-oss-storage-class",
            "IA",
            "x-oss-object-acl",
            "private",
            "x-oss-tagging",
            "project=demo&owner=a%20b",
            "x-oss-server-side-encryption",
            "KMS",
            "x-oss-server-side-encryption-key-id",
            "key-1");
    assertEquals(200, put.status, put.toString());
    for (String method : new String[] {"HEAD", "GET"}) {
      RawSocket.Response r = send(method, "all.txt", "", null);
      assertEquals(200, r.status, r.toString());
      assertEquals("max-age=3600", r.headers.get("cache-control"));
      assertEquals("attachment; filename=all.txt", r.headers.get("content-disposition"));
      assertEquals("en", r.headers.get("content-language"));
      assertEquals("IA", r.headers.get("x-oss-storage-class"));
      assertEquals("2", r.headers.get("x-oss-tagging-count"));
      assertEquals("KMS", r.headers.get("x-oss-server-side-encryption"));
      assertEquals("key-1", r.headers.get("x-oss-server-side-encryption-key-id"));
    }
    RawSocket.Response tags = send("GET", "all.txt", "?tagging", null);
    assertEquals(200, tags.status, tags.toString());
    assertTrue(
        tags.body.contains(
            "<TagSet><Tag><Key>project</Key><Value>demo</Value></Tag>"
                + "<Tag><Key>owner</Key><Value>a b</Value></Tag></TagSet>"),
        tags.body);
    RawSocket.Response acl = send("GET", "all.txt", "?acl", null);
    assertEquals("private", acl.element("Grant"), acl.toString());
  }

  @Test
  void anObjectWithoutAttributesIsStandardWithTheBucketsAclAndNoTags() throws Exception {
    assertEquals(200, send("PUT", "plain.txt", "", utf8("x")).status);
    RawSocket.Response head = send("HEAD", "plain.txt", "", null);
    assertEquals("Standard", head.headers.get("x-oss-storage-class"));
    assertNull(head.headers.get("x-oss-tagging-count"));
    assertNull(head.headers.get("x-oss-server-side-encryption"));
    assertEquals("default", send("GET", "plain.txt", "?acl", null).element("Grant"));
    assertTrue(send("GET", "plain.txt", "?tagging", null).body.contains("<TagSet></TagSet>"));
  }

  @Test
  void putTaggingReplacesTheTagsWithoutTouchingLastModifiedAndDeleteRemovesThem() throws Exception {
    send("PUT", "retag.txt", "", utf8("x"), "x-oss-tagging", "a=1");
    String modified = send("HEAD", "retag.txt", "", null).headers.get("last-modified");
    Thread.sleep(1100); // Last-Modified has whole seconds: a change would show
    String xml =
        "<Tagging><TagSet><Tag><Key>b</Key><Value>2</Value></Tag>"
            + "<Tag><Key>c</Key><Value>3</Value></Tag></TagSet></Tagging>";
    RawSocket.Response put = send("PUT", "retag.txt", "?tagging", utf8(xml));
    assertEquals(200, put.status, put.toString());
    RawSocket.Response head = send("HEAD", "retag.txt", "", null);
    assertEquals("2", head.headers.get("x-oss-tagging-count"));
    assertEquals(modified, head.headers.get("last-modified"));
    assertEquals("x", send("GET", "retag.txt", "", null).body);
    assertFalse(send("GET", "retag.txt", "?tagging", null).body.contains("<Key>a</Key>"));

    assertEquals(204, send("DELETE", "retag.txt", "?tagging", null).status);
    assertNull(send("HEAD", "retag.txt", "", null).headers.get("x-oss-tagging-count"));
  }

  @Test
  void putAclChangesTheObjectsAclAndRefusesAnUnknownOne() throws Exception {
    send("PUT", "acl.txt", "", utf8("x"));
    assertEquals(
        200, send("PUT", "acl.txt", "?acl", null, "x-oss-object-acl", "public-read").status);
    assertEquals("public-read", send("GET", "acl.txt", "?acl", null).element("Grant"));
    assertError(
        send("PUT", "acl.txt", "?acl", null, "x-oss-object-acl", "everyone"),
        400,
        "InvalidArgument");
    assertError(
        send("PUT", "acl2.txt", "", utf8("x"), "x-oss-object-acl", "Private"),
        400,
        "InvalidArgument");
    assertError(send("GET", "nothing.txt", "?acl", null), 404, "NoSuchKey");
  }

  @Test
  void tagsOutsideTheDocumentedLimitsAreRefused() throws Exception {
    StringBuilder eleven = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
    }
    assertError(
        send("PUT", "t.txt", "", utf8("x"), "x-oss-tagging", eleven.toString()), 400, "InvalidTag");
    assertError(
        send("PUT", "t.txt", "", utf8("x"), "x-oss-tagging", repeat('k', 129) + "=v"),
        400,
        "InvalidTag");
    assertError(
        send("PUT", "t.txt", "", utf8("x"), "x-oss-tagging", "k=" + repeat('v', 257)),
        400,
        "InvalidTag");
    assertError(
        send("PUT", "t.txt", "", utf8("x"), "x-oss-tagging", "aa=bb=cc"), 400, "InvalidArgument");
    assertError(send("PUT", "t.txt", "", utf8("x"), "x-oss-tagging", "k=a%2Cb"), 400, "InvalidTag");
    assertEquals(
        200,
        send(
                "PUT",
                "t.txt",
                "",
                utf8("x"),
                "x-oss-tagging",
                repeat('k', 128) + "=" + repeat('v', 256))
            .status);
  }

  @Test
  void aBadStorageClassIsRefusedAndAnArchiveObjectIsNotReadUntilRestored() throws Exception {
    assertError(
        send("PUT", "c.txt", "", utf8("x"), "x-oss-storage-class", "Glacier"),
        400,
        "InvalidArgument");
    assertEquals(
        200, send("PUT", "cold.txt", "", utf8("x"), "x-oss-storage-class", "Archive").status);
    RawSocket.Response head = send("HEAD", "cold.txt", "", null);
    assertEquals(200, head.status);
    assertEquals("Archive", head.headers.get("x-oss-storage-class"));
    assertError(send("GET", "cold.txt", "", null), 403, "InvalidObjectState");
    assertError(
        send("PUT", "cold-copy.txt", "", null, "x-oss-copy-source", "/attrs/cold.txt"),
        403,
        "InvalidObjectState");
  }

  @Test
  void copyKeepsTheSourcesTagsUnlessTheTaggingDirectiveIsReplace() throws Exception {
    send("PUT", "src.txt", "", utf8("x"), "x-oss-tagging", "a=1", "Cache-Control", "no-cache");
    assertEquals(
        200, send("PUT", "copy1.txt", "", null, "x-oss-copy-source", "/attrs/src.txt").status);
    assertTrue(send("GET", "copy1.txt", "?tagging", null).body.contains("<Key>a</Key>"));
    assertEquals("no-cache", send("HEAD", "copy1.txt", "", null).headers.get("cache-control"));

    RawSocket.Response replaced =
        send(
            "PUT",
            "copy2.txt",
            "",
            null,
            "x-oss-copy-source",
            "/attrs/src.txt",
            "x-oss-metadata-directive",
            "REPLACE",
            "x-oss-tagging-directive",
            "Replace",
            "x-oss-tagging",
            "b=2",
            "x-oss-storage-class",
            "IA",
            "Cache-Control",
            "max-age=60");
    assertEquals(200, replaced.status, replaced.toString());
    String tags = send("GET", "copy2.txt", "?tagging", null).body;
    assertTrue(tags.contains("<Key>b</Key>") && !tags.contains("<Key>a</Key>"), tags);
    RawSocket.Response head = send("HEAD", "copy2.txt", "", null);
    assertEquals("max-age=60", head.headers.get("cache-control"));
    assertEquals("IA", head.headers.get("x-oss-storage-class"));
    assertError(
        send(
            "PUT",
            "copy3.txt",
            "",
            null,
            "x-oss-copy-source",
            "/attrs/src.txt",
            "x-oss-tagging-directive",
            "REPLACE"),
        400,
        "InvalidArgument");
  }

  @Test
  void initiateMultipartUploadCarriesTheAttributesToTheCompletedObject() throws Exception {
    RawSocket.Response init =
        send(
            "POST",
            "mp.bin",
            "?uploads",
            null,
            "x-oss-storage-class",
            "ColdArchive",
            "x-oss-tagging",
            "m=1",
            "x-oss-object-acl",
            "public-read",
            "Content-Disposition",
            "inline");
    assertEquals(200, init.status, init.toString());
    String id = init.element("UploadId");
    assertEquals(200, send("PUT", "mp.bin", "?partNumber=1&uploadId=" + id, utf8("part")).status);
    String etag =
        send("GET", "mp.bin", "?uploadId=" + id, null).element("ETag").replace("&quot;", "\"");
    String complete =
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
            + etag
            + "</ETag></Part></CompleteMultipartUpload>";
    RawSocket.Response done = send("POST", "mp.bin", "?uploadId=" + id, utf8(complete));
    assertEquals(200, done.status, done.toString());
    RawSocket.Response head = send("HEAD", "mp.bin", "", null);
    assertEquals("ColdArchive", head.headers.get("x-oss-storage-class"));
    assertEquals("1", head.headers.get("x-oss-tagging-count"));
    assertEquals("inline", head.headers.get("content-disposition"));
    assertEquals("public-read", send("GET", "mp.bin", "?acl", null).element("Grant"));
  }
}
