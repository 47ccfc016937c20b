package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.UrlCodec;
import io.ossimport.emulator.store.ObjectSummary;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListObjects (V1, marker paging) and ListObjectsV2 (continuation tokens) of a bucket. */
final class S3Listings {
  private static final int MAX_KEYS = 1000;

  private S3Listings() {}

  static void listV1(S3Exchange ex) throws IOException, StoreException {
    Params p = Params.of(ex);
    String marker = ex.head.queryParam("marker");
    KeyPage page = KeyPage.list(ex.store, ex.bucket(), p.prefix, p.delimiter, marker, p.maxKeys);
    S3Xml xml =
        S3Xml.result("ListBucketResult")
            .element("Name", ex.bucket())
            .element("Prefix", p.encode(nullToEmpty(p.prefix)))
            .element("Marker", p.encode(nullToEmpty(marker)))
            .element("MaxKeys", p.maxKeys)
            .element("Delimiter", p.encode(p.delimiter))
            .element("IsTruncated", page.truncated);
    if (page.truncated && p.delimiter != null) {
      xml.element("NextMarker", p.encode(page.last));
    }
    p.writeEncodingType(xml);
    writeEntries(xml, page, p, true, ex);
    ex.sendXml(200, xml);
  }

  static void listV2(S3Exchange ex) throws IOException, StoreException {
    Params p = Params.of(ex);
    String token = ex.head.queryParam("continuation-token");
    String startAfter = ex.head.queryParam("start-after");
    String after = token != null ? decodeToken(token) : startAfter;
    boolean fetchOwner = "true".equals(ex.head.queryParam("fetch-owner"));
    KeyPage page = KeyPage.list(ex.store, ex.bucket(), p.prefix, p.delimiter, after, p.maxKeys);
    S3Xml xml =
        S3Xml.result("ListBucketResult")
            .element("Name", ex.bucket())
            .element("Prefix", p.encode(nullToEmpty(p.prefix)))
            .element("MaxKeys", p.maxKeys)
            .element("Delimiter", p.encode(p.delimiter))
            .element("IsTruncated", page.truncated)
            .element("KeyCount", page.size());
    if (token != null) {
      xml.element("ContinuationToken", token);
    }
    if (page.truncated) {
      xml.element("NextContinuationToken", encodeToken(page.last));
    }
    if (startAfter != null) {
      xml.element("StartAfter", p.encode(startAfter));
    }
    p.writeEncodingType(xml);
    writeEntries(xml, page, p, fetchOwner, ex);
    ex.sendXml(200, xml);
  }

  private static void writeEntries(
      S3Xml xml, KeyPage page, Params p, boolean owner, S3Exchange ex) {
    for (ObjectSummary s : page.contents) {
      xml.start("Contents")
          .element("Key", p.encode(s.key()))
          .element("LastModified", HttpDates.iso8601(s.lastModified()))
          .element("ETag", S3ETags.present(s.etag()))
          .element("Size", s.size())
          .element("StorageClass", S3StorageClass.fromStore(s.storageClass()));
      if (owner) {
        S3Owner.write(xml, ex.auth);
      }
      xml.end();
    }
    for (String prefix : page.commonPrefixes) {
      xml.start("CommonPrefixes").element("Prefix", p.encode(prefix)).end();
    }
  }

  /** Tokens are opaque to clients; this one is the last key or prefix returned, base64url. */
  private static String encodeToken(String last) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(last.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) throws S3Failure {
    try {
      return new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Failure.badRequest(
          "InvalidArgument", "The continuation token provided is incorrect: " + token);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The listing parameters V1 and V2 share. */
  private static final class Params {
    String prefix;
    String delimiter;
    int maxKeys;
    boolean urlEncoding;

    static Params of(S3Exchange ex) throws S3Failure {
      Params p = new Params();
      p.prefix = ex.head.queryParam("prefix");
      p.delimiter = ex.head.queryParam("delimiter");
      if (p.delimiter != null && p.delimiter.isEmpty()) {
        p.delimiter = null;
      }
      p.maxKeys = ex.intParam("max-keys", MAX_KEYS, 0, MAX_KEYS);
      // what a store without encoding-type answers: literal keys, whatever was asked for
      String encoding =
          ex.config.s3IgnoresEncodingType() ? null : ex.head.queryParam("encoding-type");
      if (encoding != null && !encoding.equals("url")) {
        throw S3Failure.badRequest(
            "InvalidArgument", "Invalid Encoding Method specified in Request: " + encoding);
      }
      p.urlEncoding = encoding != null;
      return p;
    }

    String encode(String value) {
      return value == null || !urlEncoding ? value : UrlCodec.encode(value, true);
    }

    void writeEncodingType(S3Xml xml) {
      if (urlEncoding) {
        xml.element("EncodingType", "url");
      }
    }
  }
}
