package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.UrlCodec;
import io.ossimport.emulator.http.XmlReader;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.ObjectMeta;
import io.ossimport.emulator.store.ObjectWriter;
import io.ossimport.emulator.store.PartMeta;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import io.ossimport.emulator.store.UploadMeta;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Multipart uploads with S3's limits: part numbers 1 to 10000, parts of at most 5 GiB, and every
 * part but the last of at least 5 MiB (checked at completion, {@code EntityTooSmall}).
 */
final class S3Multipart {
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  private static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
  private static final int MAX_PART_NUMBER = 10000;
  private static final int MAX_COMPLETE_BODY = 4 * 1024 * 1024;

  private S3Multipart() {}

  static void initiate(S3Exchange ex) throws IOException, StoreException {
    S3Objects.checkKey(ex.key());
    ObjectAttributes attributes = S3Attributes.fromRequest(ex.head);
    UploadMeta upload = ex.store.initiateUpload(ex.bucket(), ex.key(), attributes);
    String checksumAlgorithm = ex.head.header("x-amz-checksum-algorithm");
    if (checksumAlgorithm != null) {
      ex.response.header("x-amz-checksum-algorithm", checksumAlgorithm);
    }
    S3Attributes.writeEncryption(attributes, ex.response);
    ex.sendXml(
        200,
        S3Xml.result("InitiateMultipartUploadResult")
            .element("Bucket", ex.bucket())
            .element("Key", ex.key())
            .element("UploadId", upload.uploadId()));
  }

  static void uploadPart(S3Exchange ex) throws IOException, StoreException {
    int partNumber = partNumber(ex);
    String uploadId = ex.head.queryParam("uploadId");
    ex.store.upload(ex.bucket(), uploadId, ex.key());
    S3Objects.checkDeclaredSize(ex, MAX_PART_SIZE);
    S3RequestBody body = ex.body();
    try (ObjectWriter writer = ex.store.newWriter()) {
      writer.transferFrom(body.stream());
      PartMeta part =
          ex.store.commitPart(
              ex.bucket(), ex.key(), uploadId, partNumber, writer, S3ETags.stored(writer.md5()));
      ex.response.header("ETag", S3ETags.present(part.etag()));
      S3Objects.echoChecksum(ex, body);
      ex.response.sendEmpty(200);
    }
  }

  static void uploadPartCopy(S3Exchange ex) throws IOException, StoreException {
    int partNumber = partNumber(ex);
    String uploadId = ex.head.queryParam("uploadId");
    ex.store.upload(ex.bucket(), uploadId, ex.key());
    S3CopySource source = S3CopySource.parse(ex.head);
    try (StoredObject object = S3Objects.open(ex, source.bucket, source.key)) {
      ObjectMeta sourceMeta = object.meta();
      S3Preconditions.checkCopySource(ex.head, sourceMeta);
      long[] range = copyRange(ex.head.header("x-amz-copy-source-range"), sourceMeta.size());
      if (range[1] > MAX_PART_SIZE) {
        throw S3Failure.badRequest("EntityTooLarge", "A part may hold at most 5 GiB.");
      }
      PartMeta part;
      try (ObjectWriter writer = ex.store.newWriter();
          InputStream content = object.open(range[0], range[1])) {
        writer.transferFrom(content);
        part =
            ex.store.commitPart(
                ex.bucket(), ex.key(), uploadId, partNumber, writer, S3ETags.stored(writer.md5()));
      }
      ex.sendXml(
          200,
          S3Xml.result("CopyPartResult")
              .element("LastModified", HttpDates.iso8601(part.lastModified()))
              .element("ETag", S3ETags.present(part.etag())));
    }
  }

  static void complete(S3Exchange ex) throws IOException, StoreException {
    String uploadId = ex.head.queryParam("uploadId");
    UploadMeta upload = ex.store.upload(ex.bucket(), uploadId, ex.key());
    Element root = S3Buckets.parse(ex.smallBody(MAX_COMPLETE_BODY));
    if (!"CompleteMultipartUpload".equals(XmlReader.localName(root))) {
      throw S3Buckets.malformedXml();
    }
    Map<Integer, PartMeta> uploaded = new HashMap<>();
    for (PartMeta part : ex.store.parts(ex.bucket(), ex.key(), uploadId)) {
      uploaded.put(part.partNumber(), part);
    }
    List<Element> requested = XmlReader.children(root, "Part");
    if (requested.isEmpty()) {
      throw S3Buckets.malformedXml();
    }
    List<PartMeta> chosen = new ArrayList<>();
    int previous = 0;
    for (Element element : requested) {
      int number;
      try {
        number =
            Integer.parseInt(String.valueOf(XmlReader.childText(element, "PartNumber")).trim());
      } catch (NumberFormatException e) {
        throw S3Buckets.malformedXml();
      }
      if (number <= previous) {
        throw S3Failure.badRequest(
            "InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      previous = number;
      PartMeta part = uploaded.get(number);
      String etag = XmlReader.childText(element, "ETag");
      if (part == null || etag == null || !S3ETags.matches(etag, part.etag())) {
        throw S3Failure.badRequest(
            "InvalidPart",
            "One or more of the specified parts could not be found. The part may not have been"
                + " uploaded, or the specified entity tag may not match the part's entity tag:"
                + " part "
                + number);
      }
      chosen.add(part);
    }
    for (int i = 0; i < chosen.size() - 1; i++) {
      if (chosen.get(i).size() < MIN_PART_SIZE) {
        throw S3Failure.badRequest(
                "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed size: part "
                    + chosen.get(i).partNumber()
                    + " has "
                    + chosen.get(i).size()
                    + " bytes, every part but the last needs at least 5 MiB.")
            .detail("PartNumber", Integer.toString(chosen.get(i).partNumber()));
      }
    }
    ObjectMeta meta =
        ex.store.completeUpload(
            ex.bucket(), ex.key(), uploadId, chosen, S3ETags.storedMultipart(chosen));
    S3Attributes.writeEncryption(upload.attributes(), ex.response);
    ex.sendXml(
        200,
        S3Xml.result("CompleteMultipartUploadResult")
            .element("Location", "/" + ex.bucket() + "/" + UrlCodec.encode(ex.key(), true))
            .element("Bucket", ex.bucket())
            .element("Key", ex.key())
            .element("ETag", S3ETags.present(meta.etag())));
  }

  static void abort(S3Exchange ex) throws IOException, StoreException {
    ex.store.abortUpload(ex.bucket(), ex.key(), ex.head.queryParam("uploadId"));
    ex.response.sendEmpty(204);
  }

  private static int partNumber(S3Exchange ex) throws S3Failure {
    String value = ex.head.queryParam("partNumber");
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1 && number <= MAX_PART_NUMBER) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw S3Failure.badRequest(
        "InvalidArgument",
        "Part number must be an integer between 1 and 10000, inclusive; got " + value);
  }

  /** {offset, length} of {@code bytes=first-last}, or the whole source when absent. */
  private static long[] copyRange(String header, long size) throws S3Failure {
    if (header == null) {
      return new long[] {0, size};
    }
    String spec = header.trim();
    try {
      if (spec.startsWith("bytes=")) {
        String[] bounds = spec.substring(6).split("-", 2);
        long first = Long.parseLong(bounds[0].trim());
        long last = Long.parseLong(bounds[1].trim());
        if (first <= last && last < size) {
          return new long[] {first, last - first + 1};
        }
        throw S3Failure.badRequest(
            "InvalidArgument",
            "The x-amz-copy-source-range "
                + header
                + " is outside the source of "
                + size
                + " bytes.");
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // reported below
    }
    throw S3Failure.badRequest(
        "InvalidArgument", "x-amz-copy-source-range must be bytes=first-last; got " + header);
  }
}
