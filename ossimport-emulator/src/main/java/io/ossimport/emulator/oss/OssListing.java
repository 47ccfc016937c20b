package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.ObjectSummary;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListObjects (V1, marker based) and ListObjectsV2 (continuation tokens). */
final class OssListing {
  private final Store store;

  OssListing(Store store) {
    this.store = store;
  }

  void listObjects(HttpRequest req, String bucket, HttpResponse resp)
      throws IOException, OssError, StoreException {
    store.requireBucket(bucket);
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    int max = OssKeys.intParam("max-keys", req.param("max-keys"), 100, 0, 1000);
    String prefix = req.param("prefix");
    String marker = req.param("marker");
    String delimiter = req.param("delimiter");
    ListingWalk w = ListingWalk.run(store, bucket, prefix, delimiter, marker, max);
    XmlWriter x = new XmlWriter().start("ListBucketResult");
    x.element("Name", bucket);
    x.element("Prefix", OssKeys.maybeEncode(nz(prefix), enc));
    x.element("Marker", OssKeys.maybeEncode(nz(marker), enc));
    x.element("MaxKeys", max);
    x.element("Delimiter", OssKeys.maybeEncode(nz(delimiter), enc));
    x.element("IsTruncated", Boolean.toString(w.truncated));
    if (w.truncated && w.last != null) {
      x.element("NextMarker", OssKeys.maybeEncode(w.last, enc));
    }
    if (enc) {
      x.element("EncodingType", "url");
    }
    contents(x, w, enc, true);
    resp.send(200, x.toBytes(), "application/xml");
  }

  void listObjectsV2(HttpRequest req, String bucket, HttpResponse resp)
      throws IOException, OssError, StoreException {
    store.requireBucket(bucket);
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    int max = OssKeys.intParam("max-keys", req.param("max-keys"), 100, 0, 1000);
    String prefix = req.param("prefix");
    String delimiter = req.param("delimiter");
    String startAfter = req.param("start-after");
    String token = req.param("continuation-token");
    boolean fetchOwner = "true".equalsIgnoreCase(req.param("fetch-owner"));
    String after = token != null ? decodeToken(token) : startAfter;
    ListingWalk w = ListingWalk.run(store, bucket, prefix, delimiter, after, max);
    XmlWriter x = new XmlWriter().start("ListBucketResult");
    x.element("Name", bucket);
    x.element("Prefix", OssKeys.maybeEncode(nz(prefix), enc));
    if (startAfter != null) {
      x.element("StartAfter", OssKeys.maybeEncode(startAfter, enc));
    }
    if (token != null) {
      x.element("ContinuationToken", token);
    }
    x.element("MaxKeys", max);
    x.element("Delimiter", OssKeys.maybeEncode(nz(delimiter), enc));
    x.element("IsTruncated", Boolean.toString(w.truncated));
    if (w.truncated && w.last != null) {
      x.element("NextContinuationToken", encodeToken(w.last));
    }
    if (enc) {
      x.element("EncodingType", "url");
    }
    x.element("KeyCount", w.contents.size() + w.prefixes.size());
    contents(x, w, enc, fetchOwner);
    resp.send(200, x.toBytes(), "application/xml");
  }

  private static void contents(XmlWriter x, ListingWalk w, boolean enc, boolean owner) {
    for (ObjectSummary s : w.contents) {
      x.start("Contents");
      x.element("Key", OssKeys.maybeEncode(s.key(), enc));
      x.element("LastModified", HttpDates.iso8601(s.lastModified()));
      x.element("ETag", OssKeys.quote(s.etag()));
      x.element("Type", s.type());
      x.element("Size", s.size());
      x.element("StorageClass", s.storageClass() == null ? "Standard" : s.storageClass());
      if (owner) {
        OssBuckets.owner(x);
      }
      x.end();
    }
    for (String p : w.prefixes) {
      x.start("CommonPrefixes").element("Prefix", OssKeys.maybeEncode(p, enc)).end();
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Tokens are base64url (no padding) of the last key: opaque, and unchanged by URL encoding. */
  static String encodeToken(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  static String decodeToken(String token) throws OssError {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OssError.invalidArgument(
          "The continuation token provided is incorrect.", "continuation-token", token);
    }
  }
}
