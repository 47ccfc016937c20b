package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.HttpDates;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates object attributes between S3 headers and the dialect-neutral store: {@code
 * x-amz-meta-*} user metadata (the same entries OSS shows as {@code x-oss-meta-*}), the standard
 * content headers, storage class, canned ACL and server-side encryption.
 */
final class S3Attributes {
  static final String META_PREFIX = "x-amz-meta-";
  private static final int MAX_USER_METADATA_BYTES = 2048;

  /** Request headers that ask for S3 features the emulator lacks; refused, not ignored. */
  private static final String[] UNSUPPORTED_HEADERS = {
    "x-amz-tagging",
    "x-amz-object-lock-mode",
    "x-amz-object-lock-retain-until-date",
    "x-amz-object-lock-legal-hold",
    "x-amz-website-redirect-location",
    "x-amz-server-side-encryption-customer-algorithm",
    "x-amz-grant-read",
    "x-amz-grant-write",
    "x-amz-grant-read-acp",
    "x-amz-grant-write-acp",
    "x-amz-grant-full-control",
  };

  private S3Attributes() {}

  /** Refuses (501) a request that asks for a feature the emulator would silently drop. */
  static void refuseUnsupportedHeaders(RequestHead head) throws S3Failure {
    for (String name : UNSUPPORTED_HEADERS) {
      if (head.header(name) != null) {
        throw S3Failure.notImplemented("The " + name + " header");
      }
    }
  }

  /** The attributes a PUT, copy with REPLACE or multipart initiation sets. */
  static ObjectAttributes fromRequest(RequestHead head) throws S3Failure {
    refuseUnsupportedHeaders(head);
    ObjectAttributes attributes = new ObjectAttributes();
    attributes
        .contentType(head.header("content-type"))
        .contentDisposition(head.header("content-disposition"))
        .cacheControl(head.header("cache-control"))
        .contentEncoding(withoutAwsChunked(head.header("content-encoding")))
        .contentLanguage(head.header("content-language"))
        .expires(head.header("expires"));
    applyStorageAclAndEncryption(head, attributes);
    int metadataBytes = 0;
    for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
      if (header.getKey().startsWith(META_PREFIX)) {
        String name = header.getKey().substring(META_PREFIX.length());
        String value = String.join(",", header.getValue());
        metadataBytes +=
            name.getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
        attributes.putUserMetadata(name, value);
      }
    }
    if (metadataBytes > MAX_USER_METADATA_BYTES) {
      throw S3Failure.badRequest(
          "MetadataTooLarge",
          "Your metadata headers exceed the maximum allowed metadata size of 2048 bytes (got "
              + metadataBytes
              + ").");
    }
    return attributes;
  }

  /** Storage class, ACL and encryption from headers (a COPY directive still honours these). */
  static void applyStorageAclAndEncryption(RequestHead head, ObjectAttributes attributes)
      throws S3Failure {
    String storageClass = head.header("x-amz-storage-class");
    if (storageClass != null) {
      attributes.storageClass(S3StorageClass.toStore(storageClass));
    }
    String acl = head.header("x-amz-acl");
    if (acl != null) {
      attributes.acl(S3CannedAcl.toStore(acl));
    }
    String sse = head.header("x-amz-server-side-encryption");
    if (sse != null) {
      if (sse.equals("AES256")) {
        attributes.serverSideEncryption("AES256");
      } else if (sse.startsWith("aws:kms")) {
        attributes
            .serverSideEncryption("KMS")
            .sseKeyId(head.header("x-amz-server-side-encryption-aws-kms-key-id"));
      } else {
        throw S3Failure.badRequest(
            "InvalidArgument",
            "x-amz-server-side-encryption must be AES256 or aws:kms; got " + sse);
      }
    }
  }

  /** The object headers of a GET or HEAD response (not Content-Length, set by the sender). */
  static void writeObjectHeaders(ObjectMeta meta, HttpResponse response) {
    ObjectAttributes a = meta.attributes();
    response.header(
        "Content-Type", a.contentType() != null ? a.contentType() : "binary/octet-stream");
    response.header("ETag", S3ETags.present(meta.etag()));
    response.header("Last-Modified", HttpDates.rfc1123(meta.lastModified()));
    response.header("Accept-Ranges", "bytes");
    optional(response, "Content-Disposition", a.contentDisposition());
    optional(response, "Cache-Control", a.cacheControl());
    optional(response, "Content-Encoding", a.contentEncoding());
    optional(response, "Content-Language", a.contentLanguage());
    optional(response, "Expires", a.expires());
    String storageClass = S3StorageClass.fromStore(meta.storageClass());
    if (!storageClass.equals("STANDARD")) {
      response.header("x-amz-storage-class", storageClass);
    }
    writeEncryption(a, response);
    for (Map.Entry<String, String> entry : a.userMetadata().entrySet()) {
      response.header(META_PREFIX + entry.getKey(), entry.getValue());
    }
  }

  static void writeEncryption(ObjectAttributes a, HttpResponse response) {
    String sse = a.serverSideEncryption();
    if (sse == null) {
      return;
    }
    if (sse.equals("KMS")) {
      response.header("x-amz-server-side-encryption", "aws:kms");
      optional(response, "x-amz-server-side-encryption-aws-kms-key-id", a.sseKeyId());
    } else {
      response.header("x-amz-server-side-encryption", sse);
    }
  }

  /** Content-Encoding as stored: S3 drops the aws-chunked transfer coding from it. */
  static String withoutAwsChunked(String contentEncoding) {
    if (contentEncoding == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    for (String coding : contentEncoding.split(",")) {
      String trimmed = coding.trim();
      if (!trimmed.isEmpty() && !trimmed.toLowerCase(Locale.ROOT).equals("aws-chunked")) {
        if (kept.length() > 0) {
          kept.append(',');
        }
        kept.append(trimmed);
      }
    }
    return kept.length() == 0 ? null : kept.toString();
  }

  private static void optional(HttpResponse response, String name, String value) {
    if (value != null) {
      response.header(name, value);
    }
  }
}
