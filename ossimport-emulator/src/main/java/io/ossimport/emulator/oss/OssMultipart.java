package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.http.XmlWriter;
import io.ossimport.emulator.store.Crc64;
import io.ossimport.emulator.store.Hex;
import io.ossimport.emulator.store.ObjectMeta;
import io.ossimport.emulator.store.ObjectWriter;
import io.ossimport.emulator.store.PartMeta;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import io.ossimport.emulator.store.UploadMeta;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Multipart uploads with OSS's limits: part numbers 1..10000, parts up to 5 GB, every part but the
 * last at least 100 KB (102400 bytes) at completion, ascending part order.
 */
final class OssMultipart {
  static final int MAX_PART_NUMBER = 10000;
  static final long MIN_PART_SIZE = 102400;

  private final Store store;

  OssMultipart(EmulatorConfig config, Store store) {
    this.store = store;
  }

  void initiate(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    UploadMeta u = store.initiateUpload(bucket, key, OssObjectHeaders.fromRequest(req));
    XmlWriter x = new XmlWriter().start("InitiateMultipartUploadResult");
    x.element("Bucket", bucket);
    x.element("Key", OssKeys.maybeEncode(key, enc));
    x.element("UploadId", u.uploadId());
    if (enc) {
      x.element("EncodingType", "url");
    }
    resp.send(200, x.toBytes(), "application/xml");
  }

  private static int partNumber(HttpRequest req) throws OssError {
    return OssKeys.intParam("partNumber", req.param("partNumber"), -1, 1, MAX_PART_NUMBER);
  }

  void uploadPart(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    int n = partNumber(req);
    String uploadId = req.param("uploadId");
    store.upload(bucket, uploadId, key);
    try (ObjectWriter w = OssObjects.receive(req, store, OssObjects.MAX_PUT)) {
      String etag = Hex.encodeUpper(w.md5());
      store.commitPart(bucket, key, uploadId, n, w, etag);
      OssObjects.putResultHeaders(resp, w, etag);
      resp.sendEmpty(200);
    }
  }

  void uploadPartCopy(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    int n = partNumber(req);
    String uploadId = req.param("uploadId");
    store.upload(bucket, uploadId, key);
    String[] src = OssObjects.copySource(req);
    try (StoredObject o = store.open(src[0], src[1])) {
      if (o == null) {
        throw OssError.noSuchKey(src[1]);
      }
      ObjectMeta m = o.meta();
      if (OssObjects.isFrozen(m)) {
        throw OssObjects.frozen(src[1]);
      }
      OssObjects.copyPreconditions(req, m);
      long start = 0;
      long end = m.size() - 1;
      String range = req.header("x-oss-copy-source-range");
      if (range != null) {
        long[] r = parseCopyRange(range, m.size());
        start = r[0];
        end = r[1];
      }
      try (ObjectWriter w = store.newWriter()) {
        w.transferFrom(o.open(start, end - start + 1));
        String etag = Hex.encodeUpper(w.md5());
        PartMeta p = store.commitPart(bucket, key, uploadId, n, w, etag);
        XmlWriter x = new XmlWriter().start("CopyPartResult");
        x.element("LastModified", HttpDates.iso8601(p.lastModified()));
        x.element("ETag", OssKeys.quote(etag));
        resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(p.crc64()));
        resp.send(200, x.toBytes(), "application/xml");
      }
    }
  }

  private static long[] parseCopyRange(String range, long size) throws OssError {
    try {
      String spec = range.trim();
      if (spec.startsWith("bytes=")) {
        int dash = spec.indexOf('-');
        long start = Long.parseLong(spec.substring(6, dash).trim());
        String e = spec.substring(dash + 1).trim();
        long end = e.isEmpty() ? size - 1 : Long.parseLong(e);
        if (start >= 0 && start <= end && end < size) {
          return new long[] {start, end};
        }
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw OssError.invalidArgument(
        "The x-oss-copy-source-range is invalid for a source of " + size + " bytes.",
        "x-oss-copy-source-range",
        range);
  }

  void listParts(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    String uploadId = req.param("uploadId");
    int max = OssKeys.intParam("max-parts", req.param("max-parts"), 1000, 1, 1000);
    int marker =
        OssKeys.intParam(
            "part-number-marker", req.param("part-number-marker"), 0, 0, MAX_PART_NUMBER);
    UploadMeta u = store.upload(bucket, uploadId, key);
    List<PartMeta> shown = new ArrayList<PartMeta>();
    boolean truncated = false;
    for (PartMeta p : store.parts(bucket, key, uploadId)) {
      if (p.partNumber() <= marker) {
        continue;
      }
      if (shown.size() == max) {
        truncated = true;
        break;
      }
      shown.add(p);
    }
    XmlWriter x = new XmlWriter().start("ListPartsResult");
    x.element("Bucket", bucket);
    x.element("Key", OssKeys.maybeEncode(key, enc));
    x.element("UploadId", uploadId);
    x.element(
        "StorageClass",
        u.attributes().storageClass() == null ? "Standard" : u.attributes().storageClass());
    x.element("PartNumberMarker", marker);
    x.element(
        "NextPartNumberMarker",
        shown.isEmpty() ? marker : shown.get(shown.size() - 1).partNumber());
    x.element("MaxParts", max);
    x.element("IsTruncated", Boolean.toString(truncated));
    if (enc) {
      x.element("EncodingType", "url");
    }
    for (PartMeta p : shown) {
      x.start("Part");
      x.element("PartNumber", p.partNumber());
      x.element("LastModified", HttpDates.iso8601(p.lastModified()));
      x.element("ETag", OssKeys.quote(p.etag()));
      x.element("HashCrc64ecma", Crc64.toUnsignedString(p.crc64()));
      x.element("Size", p.size());
      x.end();
    }
    resp.send(200, x.toBytes(), "application/xml");
  }

  void complete(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    String uploadId = req.param("uploadId");
    store.upload(bucket, uploadId, key);
    byte[] body = req.readBody(4 * 1024 * 1024);
    List<PartMeta> uploaded = store.parts(bucket, key, uploadId);
    List<PartMeta> chosen;
    if ("yes".equalsIgnoreCase(req.header("x-oss-complete-all"))) {
      if (body.length > 0) {
        throw OssError.invalidArgument(
            "With x-oss-complete-all: yes the body must be empty.", "x-oss-complete-all", "yes");
      }
      chosen = uploaded;
    } else {
      chosen = choose(body, uploaded);
    }
    if (chosen.isEmpty()) {
      throw new OssError(400, "InvalidPart", "A multipart upload needs at least one part.");
    }
    for (int i = 0; i < chosen.size() - 1; i++) {
      if (chosen.get(i).size() < MIN_PART_SIZE) {
        throw new OssError(
                400,
                "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed size.")
            .with("PartNumber", Integer.toString(chosen.get(i).partNumber()))
            .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE))
            .with("ProposedSize", Long.toString(chosen.get(i).size()));
      }
    }
    ObjectMeta m = store.completeUpload(bucket, key, uploadId, chosen, multipartEtag(chosen));
    XmlWriter x = new XmlWriter().start("CompleteMultipartUploadResult");
    if (enc) {
      x.element("EncodingType", "url");
    }
    x.element("Location", "http://" + bucket + ".localhost/" + OssKeys.maybeEncode(key, true));
    x.element("Bucket", bucket);
    x.element("Key", OssKeys.maybeEncode(key, enc));
    x.element("ETag", OssKeys.quote(m.etag()));
    resp.header("x-oss-hash-crc64ecma", Crc64.toUnsignedString(m.crc64()));
    resp.send(200, x.toBytes(), "application/xml");
  }

  private static List<PartMeta> choose(byte[] body, List<PartMeta> uploaded) throws OssError {
    List<Element> parts;
    try {
      Element root = XmlReader.parse(body);
      if (!"CompleteMultipartUpload".equals(XmlReader.localName(root))) {
        throw new IllegalArgumentException("wrong root");
      }
      parts = XmlReader.children(root, "Part");
    } catch (IllegalArgumentException e) {
      throw new OssError(
          400,
          "MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema.");
    }
    List<PartMeta> chosen = new ArrayList<PartMeta>();
    int previous = 0;
    for (Element p : parts) {
      int n;
      try {
        n = Integer.parseInt(String.valueOf(XmlReader.childText(p, "PartNumber")).trim());
      } catch (NumberFormatException e) {
        throw new OssError(400, "MalformedXML", "PartNumber is not a number.");
      }
      if (n <= previous) {
        throw new OssError(
            400,
            "InvalidPartOrder",
            "The list of parts was not in ascending order. Parts must be ordered by part number.");
      }
      previous = n;
      String etag = OssKeys.unquote(XmlReader.childText(p, "ETag"));
      PartMeta found = null;
      for (PartMeta u : uploaded) {
        if (u.partNumber() == n) {
          found = u;
        }
      }
      if (found == null || etag == null || !found.etag().equalsIgnoreCase(etag)) {
        throw new OssError(
                400,
                "InvalidPart",
                "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.")
            .with("PartNumber", Integer.toString(n))
            .with("ETag", etag);
      }
      chosen.add(found);
    }
    return chosen;
  }

  /** OSS style: HEX(md5 of the concatenated binary part MD5s) + "-" + part count. */
  static String multipartEtag(List<PartMeta> parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("MD5");
      for (PartMeta p : parts) {
        d.update(p.md5());
      }
      return Hex.encodeUpper(d.digest()) + "-" + parts.size();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void abort(HttpRequest req, String bucket, String key, HttpResponse resp)
      throws IOException, OssError, StoreException {
    store.abortUpload(bucket, key, req.param("uploadId"));
    resp.sendEmpty(204);
  }

  void listUploads(HttpRequest req, String bucket, HttpResponse resp)
      throws IOException, OssError, StoreException {
    boolean enc = OssKeys.urlEncoding(req.param("encoding-type"));
    int max = OssKeys.intParam("max-uploads", req.param("max-uploads"), 1000, 1, 1000);
    String prefix = req.param("prefix");
    String delimiter = req.param("delimiter");
    String keyMarker = req.param("key-marker");
    String idMarker = req.param("upload-id-marker");
    UploadListing l =
        UploadListing.page(store.uploads(bucket), prefix, delimiter, keyMarker, idMarker, max);
    XmlWriter x = new XmlWriter().start("ListMultipartUploadsResult");
    x.element("Bucket", bucket);
    x.element("KeyMarker", OssKeys.maybeEncode(keyMarker == null ? "" : keyMarker, enc));
    x.element("UploadIdMarker", idMarker == null ? "" : idMarker);
    x.element("NextKeyMarker", OssKeys.maybeEncode(l.nextKeyMarker, enc));
    x.element("NextUploadIdMarker", l.nextUploadIdMarker);
    x.element("Delimiter", OssKeys.maybeEncode(delimiter == null ? "" : delimiter, enc));
    x.element("Prefix", OssKeys.maybeEncode(prefix == null ? "" : prefix, enc));
    x.element("MaxUploads", max);
    x.element("IsTruncated", Boolean.toString(l.truncated));
    if (enc) {
      x.element("EncodingType", "url");
    }
    for (UploadMeta u : l.uploads) {
      x.start("Upload");
      x.element("Key", OssKeys.maybeEncode(u.key(), enc));
      x.element("UploadId", u.uploadId());
      x.element(
          "StorageClass",
          u.attributes().storageClass() == null ? "Standard" : u.attributes().storageClass());
      x.element("Initiated", HttpDates.iso8601(u.initiated()));
      x.end();
    }
    for (String p : l.prefixes) {
      x.start("CommonPrefixes").element("Prefix", OssKeys.maybeEncode(p, enc)).end();
    }
    resp.send(200, x.toBytes(), "application/xml");
  }
}
