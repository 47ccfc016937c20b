package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.ObjectMeta;
import io.ossimport.emulator.store.ObjectWriter;
import io.ossimport.emulator.store.StoreException;
import io.ossimport.emulator.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The single-object operations: PutObject, GetObject, HeadObject, DeleteObject, CopyObject. */
final class S3Objects {
  static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
  private static final int MAX_KEY_BYTES = 1024;
  static final long MAX_CHECKSUMMED_GET = 64L * 1024 * 1024;

  private S3Objects() {}

  static void put(S3Exchange ex) throws IOException, StoreException {
    checkKey(ex.key());
    ex.store.requireBucket(ex.bucket());
    ObjectAttributes attributes = S3Attributes.fromRequest(ex.head);
    checkDeclaredSize(ex, MAX_SINGLE_PUT);
    if ("*".equals(ex.head.header("if-none-match")) && exists(ex)) {
      throw new S3Failure(
              412,
              "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold")
          .detail("Condition", "If-None-Match");
    }
    S3RequestBody body = ex.body();
    try (ObjectWriter writer = ex.store.newWriter()) {
      writer.transferFrom(body.stream());
      ObjectMeta meta =
          ex.store.commitObject(
              ex.bucket(), ex.key(), writer, S3ETags.stored(writer.md5()), attributes);
      ex.response.header("ETag", S3ETags.present(meta.etag()));
      echoChecksum(ex, body);
      S3Attributes.writeEncryption(meta.attributes(), ex.response);
      ex.response.sendEmpty(200);
    }
  }

  static void get(S3Exchange ex, boolean headOnly) throws IOException, StoreException {
    try (StoredObject object = open(ex, ex.bucket(), ex.key())) {
      ObjectMeta meta = object.meta();
      int notModified = S3Preconditions.checkRead(ex.head, meta);
      S3Attributes.writeObjectHeaders(meta, ex.response);
      if (notModified != 0) {
        ex.response.removeHeader("Content-Type");
        ex.response.sendEmpty(notModified);
        return;
      }
      overrideHeaders(ex);
      S3Range range = S3Range.of(ex.head.header("range"), meta.size());
      long offset = range == null ? 0 : range.offset;
      long length = range == null ? meta.size() : range.length;
      if (range != null) {
        ex.response.header("Content-Range", range.contentRange(meta.size()));
      }
      if (!headOnly && range == null && "ENABLED".equals(ex.head.header("x-amz-checksum-mode"))) {
        writeFullObjectChecksum(object, ex);
      }
      int status = range == null ? 200 : 206;
      if (headOnly || length == 0) {
        ex.response.sendStream(status, length, null);
        return;
      }
      try (InputStream content = object.open(offset, length)) {
        ex.response.sendStream(status, length, content);
      }
    }
  }

  static void delete(S3Exchange ex) throws IOException, StoreException {
    ex.store.deleteObject(ex.bucket(), ex.key());
    ex.response.sendEmpty(204);
  }

  static void copy(S3Exchange ex) throws IOException, StoreException {
    checkKey(ex.key());
    ex.store.requireBucket(ex.bucket());
    S3CopySource source = S3CopySource.parse(ex.head);
    String directive = ex.head.header("x-amz-metadata-directive");
    boolean replace = "REPLACE".equals(directive);
    if (directive != null && !replace && !"COPY".equals(directive)) {
      throw S3Failure.badRequest(
          "InvalidArgument", "x-amz-metadata-directive must be COPY or REPLACE; got " + directive);
    }
    String tagging = ex.head.header("x-amz-tagging-directive");
    if (tagging != null && !tagging.equals("COPY")) {
      throw S3Failure.notImplemented("x-amz-tagging-directive " + tagging);
    }
    try (StoredObject object = open(ex, source.bucket, source.key)) {
      ObjectMeta sourceMeta = object.meta();
      S3Preconditions.checkCopySource(ex.head, sourceMeta);
      ObjectAttributes attributes;
      if (replace) {
        attributes = S3Attributes.fromRequest(ex.head);
      } else {
        S3Attributes.refuseUnsupportedHeaders(ex.head);
        attributes = sourceMeta.attributes().copy();
        S3Attributes.applyStorageAclAndEncryption(ex.head, attributes);
      }
      boolean sameObject = source.bucket.equals(ex.bucket()) && source.key.equals(ex.key());
      if (sameObject
          && !replace
          && ex.head.header("x-amz-storage-class") == null
          && ex.head.header("x-amz-server-side-encryption") == null) {
        throw S3Failure.badRequest(
            "InvalidRequest",
            "This copy request is illegal because it is trying to copy an object to itself"
                + " without changing the object's metadata, storage class, website redirect"
                + " location or encryption attributes.");
      }
      ObjectMeta meta;
      try (ObjectWriter writer = ex.store.newWriter();
          InputStream content = object.open(0, sourceMeta.size())) {
        writer.transferFrom(content);
        meta =
            ex.store.commitObject(
                ex.bucket(), ex.key(), writer, S3ETags.stored(writer.md5()), attributes);
      }
      ex.response.header("x-amz-copy-source-version-id", "null");
      S3Attributes.writeEncryption(meta.attributes(), ex.response);
      ex.sendXml(
          200,
          S3Xml.result("CopyObjectResult")
              .element("LastModified", HttpDates.iso8601(meta.lastModified()))
              .element("ETag", S3ETags.present(meta.etag())));
    }
  }

  /** Opens an object, or fails with 404 {@code NoSuchKey}. */
  static StoredObject open(S3Exchange ex, String bucket, String key)
      throws IOException, StoreException {
    StoredObject object = ex.store.open(bucket, key);
    if (object == null) {
      throw new S3Failure(404, "NoSuchKey", "The specified key does not exist.").detail("Key", key);
    }
    return object;
  }

  static void checkKey(String key) throws S3Failure {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw S3Failure.badRequest("KeyTooLongError", "Your key is too long (over 1024 bytes).");
    }
  }

  /** Refuses a body declared larger than {@code max} before reading it. */
  static void checkDeclaredSize(S3Exchange ex, long max) throws S3Failure {
    String decoded = ex.head.header("x-amz-decoded-content-length");
    long declared = ex.request.contentLength();
    if (decoded != null) {
      try {
        declared = Long.parseLong(decoded.trim());
      } catch (NumberFormatException e) {
        declared = -1;
      }
    }
    if (declared > max) {
      throw S3Failure.badRequest(
          "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size of " + max);
    }
  }

  /** Echoes the flexible checksum the client sent, as S3 does in PUT responses. */
  static void echoChecksum(S3Exchange ex, S3RequestBody body) {
    if (body.checksumAlgorithm() != null) {
      ex.response.header(body.checksumAlgorithm().headerName(), body.checksum());
    }
  }

  /**
   * The SDK validates a GET against {@code x-amz-checksum-crc32} when it is present, which lets the
   * wrong-CRC fault reach S3 clients. The store keeps no CRC-32, so it costs a first pass over the
   * object; above {@link #MAX_CHECKSUMMED_GET} the header is left out, as S3 does for objects
   * uploaded without a checksum.
   */
  private static void writeFullObjectChecksum(StoredObject object, S3Exchange ex)
      throws IOException {
    long size = object.meta().size();
    if (size > MAX_CHECKSUMMED_GET) {
      return;
    }
    ChecksumAlgorithm.Digest crc = ChecksumAlgorithm.CRC32.newDigest();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = object.open(0, size)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        crc.update(buffer, 0, n);
      }
    }
    ex.response.header(ChecksumAlgorithm.CRC32.headerName(), crc.base64());
    ex.response.header("x-amz-checksum-type", "FULL_OBJECT");
  }

  private static boolean exists(S3Exchange ex) throws IOException, StoreException {
    try (StoredObject object = ex.store.open(ex.bucket(), ex.key())) {
      return object != null;
    }
  }

  private static void overrideHeaders(S3Exchange ex) {
    String[][] overrides = {
      {"response-content-type", "Content-Type"},
      {"response-content-language", "Content-Language"},
      {"response-expires", "Expires"},
      {"response-cache-control", "Cache-Control"},
      {"response-content-disposition", "Content-Disposition"},
      {"response-content-encoding", "Content-Encoding"},
    };
    for (String[] override : overrides) {
      String value = ex.head.queryParam(override[0]);
      if (value != null) {
        ex.response.header(override[1], value);
      }
    }
  }
}
