package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.store.Crc64;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.ObjectMeta;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads object attributes from request headers and writes them back as OSS response headers. */
final class OssObjectHeaders {
  static final String META = "x-oss-meta-";
  static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
  static final List<String> OBJECT_ACLS =
      Arrays.asList("default", "private", "public-read", "public-read-write");
  private static final List<String> SSE = Arrays.asList("AES256", "KMS", "SM4");
  private static final int MAX_USER_METADATA = 8 * 1024;

  private OssObjectHeaders() {}

  /** The attributes a PUT, initiate or REPLACE copy sets (tags from {@code x-oss-tagging}). */
  static ObjectAttributes fromRequest(HttpRequest req) throws OssError {
    String ct = req.header("Content-Type");
    ObjectAttributes a =
        new ObjectAttributes()
            .contentType(ct == null || ct.isEmpty() ? DEFAULT_CONTENT_TYPE : ct)
            .contentDisposition(req.header("Content-Disposition"))
            .cacheControl(req.header("Cache-Control"))
            .contentEncoding(req.header("Content-Encoding"))
            .contentLanguage(req.header("Content-Language"))
            .expires(req.header("Expires"));
    String sc = req.header("x-oss-storage-class");
    if (sc != null) {
      if (!OssBuckets.STORAGE_CLASSES.contains(sc)) {
        throw OssError.invalidArgument("Invalid storage class.", "x-oss-storage-class", sc);
      }
      a.storageClass(sc);
    }
    String acl = req.header("x-oss-object-acl");
    if (acl != null) {
      if (!OBJECT_ACLS.contains(acl)) {
        throw OssError.invalidArgument(
            "no such object access control exists", "x-oss-object-acl", acl);
      }
      a.acl(acl);
    }
    String sse = req.header("x-oss-server-side-encryption");
    if (sse != null) {
      if (!SSE.contains(sse)) {
        throw OssError.invalidArgument(
            "Invalid Encryption Algorithms", "x-oss-server-side-encryption", sse);
      }
      a.serverSideEncryption(sse);
      a.sseKeyId(req.header("x-oss-server-side-encryption-key-id"));
    }
    String tagging = req.header("x-oss-tagging");
    if (tagging != null) {
      a.tags(OssTags.fromHeader(tagging));
    }
    for (String[] h : req.headers()) {
      if (h[0].length() > META.length() && h[0].regionMatches(true, 0, META, 0, META.length())) {
        a.putUserMetadata(h[0].substring(META.length()), h[1]);
      }
    }
    if (a.userMetadataSize() > MAX_USER_METADATA) {
      throw OssError.invalidArgument(
          "User metadata exceeds 8 KB.", "x-oss-meta-*", Integer.toString(a.userMetadataSize()));
    }
    return a;
  }

  /** The binary Content-MD5, {@code null} if absent; InvalidDigest if malformed. */
  static byte[] contentMd5(HttpRequest req) throws OssError {
    String v = req.header("Content-MD5");
    if (v == null) {
      return null;
    }
    try {
      byte[] md5 = Base64.getDecoder().decode(v.trim());
      if (md5.length == 16) {
        return md5;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new OssError(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
        .with("Content-MD5", v);
  }

  /** BadDigest unless the body's MD5 equals the one announced. */
  static void checkMd5(byte[] expected, byte[] actual) throws OssError {
    if (expected != null && !java.security.MessageDigest.isEqual(expected, actual)) {
      throw new OssError(
              400, "BadDigest", "The Content-MD5 you specified did not match what we received.")
          .with("ExpectedDigest", Base64.getEncoder().encodeToString(expected))
          .with("CalculatedDigest", Base64.getEncoder().encodeToString(actual));
    }
  }

  /** Writes the headers HEAD and GET return for an object. */
  static void write(HttpResponse resp, ObjectMeta m, HttpRequest req, boolean withCrc) {
    ObjectAttributes a = m.attributes();
    resp.header("Content-Type", override(req, "response-content-type", a.contentType()));
    set(
        resp,
        "Content-Disposition",
        override(req, "response-content-disposition", a.contentDisposition()));
    set(resp, "Cache-Control", override(req, "response-cache-control", a.cacheControl()));
    set(resp, "Content-Encoding", override(req, "response-content-encoding", a.contentEncoding()));
    set(resp, "Content-Language", override(req, "response-content-language", a.contentLanguage()));
    set(resp, "Expires", override(req, "response-expires", a.expires()));
    resp.header("Accept-Ranges", "bytes");
    resp.header("ETag", OssKeys.quote(m.etag()));
    resp.header("Last-Modified", HttpDates.rfc1123(m.lastModified()));
    resp.header("x-oss-object-type", m.type());
    resp.header("x-oss-storage-class", a.storageClass() == null ? "Standard" : a.storageClass());
    set(resp, "x-oss-server-side-encryption", a.serverSideEncryption());
    set(resp, "x-oss-server-side-encryption-key-id", a.sseKeyId());
    if (!a.tags().isEmpty()) {
      resp.header("x-oss-tagging-count", Integer.toString(a.tags().size()));
    }
    for (Map.Entry<String, String> e : a.userMetadata().entrySet()) {
      resp.header(META + e.getKey(), e.getValue());
    }
    if (withCrc) {
      resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(m.crc64()));
    }
  }

  private static String override(HttpRequest req, String param, String value) {
    String v = req == null ? null : req.param(param);
    return v != null ? v : value;
  }

  private static void set(HttpResponse resp, String name, String value) {
    if (value != null) {
      resp.header(name, value);
    }
  }
}
