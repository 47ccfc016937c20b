package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.store.PartMeta;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.UploadMeta;
import io.ossimport.emulator.store.Utf8Order;
import java.io.IOException;
import java.util.List;

/** ListParts of one upload and ListMultipartUploads of a bucket, with S3's paging markers. */
final class S3MultipartListings {
  private static final int MAX = 1000;

  private S3MultipartListings() {}

  static void listParts(S3Exchange ex) throws IOException, StoreException {
    String uploadId = ex.head.queryParam("uploadId");
    UploadMeta upload = ex.store.upload(ex.bucket(), uploadId, ex.key());
    int maxParts = ex.intParam("max-parts", MAX, 0, MAX);
    int marker = ex.intParam("part-number-marker", 0, 0, Integer.MAX_VALUE);
    List<PartMeta> parts = ex.store.parts(ex.bucket(), ex.key(), uploadId);
    S3Xml xml =
        S3Xml.result("ListPartsResult")
            .element("Bucket", ex.bucket())
            .element("Key", ex.key())
            .element("UploadId", uploadId);
    writeInitiatorAndOwner(xml, ex);
    xml.element("StorageClass", S3StorageClass.fromStore(upload.attributes().storageClass()))
        .element("PartNumberMarker", marker);
    int count = 0;
    boolean truncated = false;
    int next = marker;
    for (PartMeta part : parts) {
      if (part.partNumber() <= marker) {
        continue;
      }
      if (count == maxParts) {
        truncated = true;
        break;
      }
      count++;
      next = part.partNumber();
      xml.start("Part")
          .element("PartNumber", part.partNumber())
          .element("LastModified", HttpDates.iso8601(part.lastModified()))
          .element("ETag", S3ETags.present(part.etag()))
          .element("Size", part.size())
          .end();
    }
    xml.element("NextPartNumberMarker", next)
        .element("MaxParts", maxParts)
        .element("IsTruncated", truncated);
    ex.sendXml(200, xml);
  }

  static void listUploads(S3Exchange ex) throws IOException, StoreException {
    String prefix = ex.head.queryParam("prefix");
    String delimiter = ex.head.queryParam("delimiter");
    if (delimiter != null && delimiter.isEmpty()) {
      delimiter = null;
    }
    String keyMarker = ex.head.queryParam("key-marker");
    String uploadIdMarker = keyMarker == null ? null : ex.head.queryParam("upload-id-marker");
    int maxUploads = ex.intParam("max-uploads", MAX, 0, MAX);
    S3Xml xml =
        S3Xml.result("ListMultipartUploadsResult")
            .element("Bucket", ex.bucket())
            .element("KeyMarker", keyMarker == null ? "" : keyMarker)
            .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
            .element("Delimiter", delimiter)
            .element("Prefix", prefix == null ? "" : prefix)
            .element("MaxUploads", maxUploads);
    // Parsers read elements by name, so the paging verdict may follow the entries.
    S3Xml entries = xml;
    int count = 0;
    boolean truncated = false;
    String lastKey = null;
    String lastUploadId = null;
    String lastPrefix = null;
    for (UploadMeta upload : ex.store.uploads(ex.bucket())) {
      String key = upload.key();
      if (prefix != null && !key.startsWith(prefix)) {
        continue;
      }
      if (keyMarker != null && !afterMarker(upload, keyMarker, uploadIdMarker)) {
        continue;
      }
      String rolledUp = rollUp(key, prefix, delimiter);
      if (rolledUp != null
          && (rolledUp.equals(lastPrefix)
              || (keyMarker != null && Utf8Order.INSTANCE.compare(rolledUp, keyMarker) <= 0))) {
        continue;
      }
      if (count == maxUploads) {
        truncated = true;
        break;
      }
      count++;
      if (rolledUp != null) {
        entries.start("CommonPrefixes").element("Prefix", rolledUp).end();
        lastPrefix = rolledUp;
        lastKey = rolledUp;
        lastUploadId = null;
        continue;
      }
      lastKey = key;
      lastUploadId = upload.uploadId();
      entries.start("Upload").element("Key", key).element("UploadId", upload.uploadId());
      writeInitiatorAndOwner(entries, ex);
      entries
          .element("StorageClass", S3StorageClass.fromStore(upload.attributes().storageClass()))
          .element("Initiated", HttpDates.iso8601(upload.initiated()))
          .end();
    }
    xml.element("IsTruncated", truncated);
    if (truncated) {
      xml.element("NextKeyMarker", lastKey);
      xml.element("NextUploadIdMarker", lastUploadId == null ? "" : lastUploadId);
    }
    ex.sendXml(200, xml);
  }

  private static boolean afterMarker(UploadMeta upload, String keyMarker, String uploadIdMarker) {
    int byKey = Utf8Order.INSTANCE.compare(upload.key(), keyMarker);
    if (byKey != 0 || uploadIdMarker == null || uploadIdMarker.isEmpty()) {
      return byKey > 0;
    }
    return upload.uploadId().compareTo(uploadIdMarker) > 0;
  }

  private static String rollUp(String key, String prefix, String delimiter) {
    if (delimiter == null) {
      return null;
    }
    int from = prefix == null ? 0 : prefix.length();
    int at = key.indexOf(delimiter, from);
    return at < 0 ? null : key.substring(0, at + delimiter.length());
  }

  private static void writeInitiatorAndOwner(S3Xml xml, S3Exchange ex) {
    String name = ex.auth == null ? "anonymous" : ex.auth.accessKeyId();
    String id = SigV4Crypto.sha256Hex(name);
    xml.start("Initiator").element("ID", id).element("DisplayName", name).end();
    xml.start("Owner").element("ID", id).element("DisplayName", name).end();
  }
}
