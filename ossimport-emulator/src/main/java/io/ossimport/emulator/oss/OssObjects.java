package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.UrlCodec;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.Crc64;
import io.ossimport.emulator.store.Hex;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.ObjectMeta;
import io.ossimport.emulator.store.ObjectWriter;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;

/** Single-object operations: put, get/head, objectMeta, delete, copy and multi-delete. */
final class OssObjects {
  static final long MAX_PUT = 5L * 1024 * 1024 * 1024;
  static final long MAX_COPY = 1L * 1024 * 1024 * 1024;

  private final Store store;

  OssObjects(Store store) {
    this.store = store;
  }

  /** Streams the body into a new writer, checking length and Content-MD5; caller commits. */
  static ObjectWriter receive(HttpRequest req, Store store, long maxSize)
      throws IOException, OssError {
    long declared = req.contentLength();
    if (declared > maxSize) {
      throw new OssError(
              400,
              "EntityTooLarge",
              "Your proposed upload exceeds the maximum allowed object size.")
          .with("MaxSizeAllowed", Long.toString(maxSize));
    }
    byte[] md5 = OssObjectHeaders.contentMd5(req);
    ObjectWriter w = store.newWriter();
    try {
      InputStream in = req.body();
      w.transferFrom(in);
      if (w.size() > maxSize) {
        throw new OssError(
            400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.");
      }
      OssObjectHeaders.checkMd5(md5, w.md5());
      return w;
    } catch (IOException | OssError | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  static void putResultHeaders(HttpResponse resp, ObjectWriter w, String etag) {
    resp.header("ETag", OssKeys.quote(etag));
    resp.header("Content-MD5", Base64.getEncoder().encodeToString(w.md5()));
    resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(w.crc64()));
  }

  void put(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    store.requireBucket(bucket);
    ObjectAttributes attrs = OssObjectHeaders.fromRequest(req);
    forbidOverwrite(req, bucket, key);
    try (ObjectWriter w = receive(req, store, MAX_PUT)) {
      String etag = Hex.encodeUpper(w.md5());
      forbidOverwrite(req, bucket, key);
      store.commitObject(bucket, key, w, etag, attrs);
      putResultHeaders(resp, w, etag);
      resp.sendEmpty(200);
    }
  }

  private void forbidOverwrite(HttpRequest req, String bucket, String key)
      throws IOException, OssError, StoreException {
    if ("true".equalsIgnoreCase(req.header("x-oss-forbid-overwrite"))) {
      try (StoredObject o = store.open(bucket, key)) {
        if (o != null) {
          throw new OssError(
              409,
              "FileAlreadyExists",
              "The object you specified already exists and can not be overwritten.");
        }
      }
    }
  }

  void get(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    try (StoredObject o = store.open(bucket, key)) {
      if (o == null) {
        throw OssError.noSuchKey(key);
      }
      ObjectMeta m = o.meta();
      if (req.method().equals("GET") && isFrozen(m)) {
        // GetObject documentation: an Archive, Cold Archive or Deep Cold Archive object is read
        // only once restored (error page 0016-00000404); HEAD still answers. RestoreObject is
        // not implemented, so such an object stays frozen.
        throw frozen(key);
      }
      if (!preconditions(req, m, resp)) {
        return;
      }
      long[] range =
          OssRanges.parse(req.header("Range"), m.size(), req.header("x-oss-range-behavior"));
      if (range == null) {
        OssObjectHeaders.write(resp, m, req, true);
        resp.sendStream(200, m.size(), o.open(0, m.size()));
      } else {
        OssObjectHeaders.write(resp, m, req, false);
        long len = range[1] - range[0] + 1;
        resp.header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + m.size());
        resp.sendStream(206, len, o.open(range[0], len));
      }
    }
  }

  static OssError frozen(String key) {
    return new OssError(
            403, "InvalidObjectState", "The operation is not valid for the object's state")
        .with("Key", key);
  }

  /** Whether the object's class must be restored before it is read (or copied). */
  static boolean isFrozen(ObjectMeta m) {
    String sc = m.attributes().storageClass();
    return "Archive".equals(sc) || "ColdArchive".equals(sc) || "DeepColdArchive".equals(sc);
  }

  /** Conditional GET; false when a 304 was sent, OssError 412 when a condition fails. */
  private static boolean preconditions(HttpRequest req, ObjectMeta m, HttpResponse resp)
      throws IOException, OssError {
    String ifMatch = req.header("If-Match");
    if (ifMatch != null && !etagMatches(ifMatch, m.etag())) {
      throw new OssError(
              412,
              "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold.")
          .with("Condition", "If-Match");
    }
    long unmodified = HttpDates.parseRfc1123(req.header("If-Unmodified-Since"));
    if (unmodified >= 0 && m.lastModified() / 1000 > unmodified / 1000) {
      throw new OssError(
              412,
              "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold.")
          .with("Condition", "If-Unmodified-Since");
    }
    String ifNone = req.header("If-None-Match");
    long modified = HttpDates.parseRfc1123(req.header("If-Modified-Since"));
    if ((ifNone != null && etagMatches(ifNone, m.etag()))
        || (ifNone == null && modified >= 0 && m.lastModified() / 1000 <= modified / 1000)) {
      resp.header("ETag", OssKeys.quote(m.etag()));
      resp.header("Last-Modified", HttpDates.rfc1123(m.lastModified()));
      resp.sendStream(304, 0, null);
      return false;
    }
    return true;
  }

  static boolean etagMatches(String header, String etag) {
    for (String e : header.split(",")) {
      String v = OssKeys.unquote(e);
      if (v.equals("*") || v.equalsIgnoreCase(etag)) {
        return true;
      }
    }
    return false;
  }

  void meta(String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    try (StoredObject o = store.open(bucket, key)) {
      if (o == null) {
        throw OssError.noSuchKey(key);
      }
      ObjectMeta m = o.meta();
      resp.header("ETag", OssKeys.quote(m.etag()));
      resp.header("Last-Modified", HttpDates.rfc1123(m.lastModified()));
      resp.header("x-oss-last-access-time", HttpDates.rfc1123(m.lastModified()));
      resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(m.crc64()));
      resp.sendStream(200, m.size(), null);
    }
  }

  void delete(String bucket, String key, HttpResponse resp) throws IOException, StoreException {
    store.deleteObject(bucket, key);
    resp.sendEmpty(204);
  }

  /** Parses {@code x-oss-copy-source: /bucket/url-encoded-key} into bucket and key. */
  static String[] copySource(HttpRequest req) throws OssError {
    String raw = req.header("x-oss-copy-source");
    String s = raw.startsWith("/") ? raw.substring(1) : raw;
    if (s.contains("?versionId=")) {
      throw OssError.notImplemented("copy from a version (versionId)");
    }
    int slash = s.indexOf('/');
    if (slash <= 0 || slash == s.length() - 1) {
      throw OssError.invalidArgument(
          "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.",
          "x-oss-copy-source",
          raw);
    }
    String bucket = s.substring(0, slash);
    String key = UrlCodec.decodePath(s.substring(slash + 1));
    if (!OssBuckets.isValidName(bucket)) {
      throw new OssError(400, "InvalidBucketName", "The specified bucket is not valid.")
          .with("BucketName", bucket);
    }
    OssKeys.validate(key);
    return new String[] {bucket, key};
  }

  /** Checks x-oss-copy-source-if-* against the source; 412 PreconditionFailed if one fails. */
  static void copyPreconditions(HttpRequest req, ObjectMeta src) throws OssError {
    String match = req.header("x-oss-copy-source-if-match");
    String none = req.header("x-oss-copy-source-if-none-match");
    long unmod = HttpDates.parseRfc1123(req.header("x-oss-copy-source-if-unmodified-since"));
    long mod = HttpDates.parseRfc1123(req.header("x-oss-copy-source-if-modified-since"));
    boolean ok =
        (match == null || etagMatches(match, src.etag()))
            && (none == null || !etagMatches(none, src.etag()))
            && (unmod < 0 || src.lastModified() / 1000 <= unmod / 1000)
            && (mod < 0 || src.lastModified() / 1000 > mod / 1000);
    if (!ok) {
      throw new OssError(
          412,
          "PreconditionFailed",
          "At least one of the pre-conditions you specified did not hold.");
    }
  }

  void copy(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    String[] src = copySource(req);
    store.requireBucket(bucket);
    String directive = req.header("x-oss-metadata-directive");
    if (directive != null && !directive.equals("COPY") && !directive.equals("REPLACE")) {
      throw OssError.invalidArgument(
          "Invalid metadata directive.", "x-oss-metadata-directive", directive);
    }
    String tagging = req.header("x-oss-tagging-directive");
    if (tagging != null && !tagging.equals("Copy") && !tagging.equals("Replace")) {
      throw OssError.invalidArgument(
          "Invalid tagging directive.", "x-oss-tagging-directive", tagging);
    }
    ObjectAttributes replaced =
        "REPLACE".equals(directive) ? OssObjectHeaders.fromRequest(req) : null;
    // Tags follow x-oss-tagging-directive, not the metadata directive (CopyObject documentation):
    // Copy (the default) keeps the source's, Replace takes x-oss-tagging.
    java.util.Map<String, String> newTags =
        "Replace".equals(tagging)
            ? OssTags.fromHeader(nullToEmpty(req.header("x-oss-tagging")))
            : null;
    try (StoredObject o = store.open(src[0], src[1])) {
      if (o == null) {
        throw OssError.noSuchKey(src[1]);
      }
      ObjectMeta m = o.meta();
      if (isFrozen(m)) {
        throw frozen(src[1]);
      }
      copyPreconditions(req, m);
      if (m.size() > MAX_COPY) {
        throw new OssError(
            400, "EntityTooLarge", "CopyObject supports objects up to 1 GB; use UploadPartCopy.");
      }
      ObjectAttributes attrs = replaced != null ? replaced : m.attributes().copy();
      if (replaced == null) {
        String sc = req.header("x-oss-storage-class");
        String acl = req.header("x-oss-object-acl");
        if (sc != null || acl != null) {
          ObjectAttributes given = OssObjectHeaders.fromRequest(req);
          attrs.storageClass(sc != null ? given.storageClass() : attrs.storageClass());
          attrs.acl(acl != null ? given.acl() : attrs.acl());
        }
      }
      attrs.tags(newTags != null ? newTags : m.attributes().tags());
      ObjectMeta done;
      try (ObjectWriter w = store.newWriter()) {
        w.transferFrom(o.open(0, m.size()));
        done = store.commitObject(bucket, key, w, m.etag(), attrs);
      }
      XmlWriter x = new XmlWriter().start("CopyObjectResult");
      x.element("ETag", OssKeys.quote(done.etag()));
      x.element("LastModified", HttpDates.iso8601(done.lastModified()));
      resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(done.crc64()));
      resp.send(200, x.toBytes(), "application/xml");
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  void deleteMultiple(HttpRequest req, String bucket, HttpResponse resp)
      throws IOException, OssError, StoreException {
    store.requireBucket(bucket);
    // the SDK sends encoding-type as a header here (OSS accepts header or parameter)
    String encoding = req.header("encoding-type");
    boolean encode = OssKeys.urlEncoding(encoding != null ? encoding : req.param("encoding-type"));
    byte[] md5 = OssObjectHeaders.contentMd5(req);
    byte[] body = req.readBody(2 * 1024 * 1024);
    if (md5 != null) {
      try {
        OssObjectHeaders.checkMd5(md5, java.security.MessageDigest.getInstance("MD5").digest(body));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> keys = new ArrayList<String>();
    boolean quiet;
    try {
      Element root = XmlReader.parse(body);
      if (!"Delete".equals(XmlReader.localName(root))) {
        throw new IllegalArgumentException("root is not Delete");
      }
      quiet = "true".equalsIgnoreCase(String.valueOf(XmlReader.childText(root, "Quiet")).trim());
      for (Element obj : XmlReader.children(root, "Object")) {
        String k = XmlReader.childText(obj, "Key");
        if (k == null) {
          throw new IllegalArgumentException("Object without Key");
        }
        keys.add(k);
      }
    } catch (IllegalArgumentException e) {
      throw new OssError(
          400,
          "MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema.");
    }
    if (keys.isEmpty() || keys.size() > 1000) {
      throw new OssError(400, "MalformedXML", "A Delete request must name 1 to 1000 objects.");
    }
    for (String k : keys) {
      OssKeys.validate(k);
    }
    XmlWriter x = new XmlWriter().start("DeleteResult");
    if (encode) {
      x.element("EncodingType", "url");
    }
    for (String k : keys) {
      store.deleteObject(bucket, k);
      if (!quiet) {
        x.start("Deleted").element("Key", OssKeys.maybeEncode(k, encode)).end();
      }
    }
    resp.send(200, x.toBytes(), "application/xml");
  }
}
