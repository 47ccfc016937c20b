package io.ossimport.emulator.s3;

import io.ossimport.emulator.Operation;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a path-style S3 request goes: its bucket, its key and the operation its method and
 * sub-resources ask for, named as the OSS dialect names it so counters compare across dialects.
 */
final class S3Route {
  /** Sub-resources S3 has and the emulator does not: answered 501 rather than misread. */
  private static final Set<String> UNSUPPORTED_SUBRESOURCES =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "accelerate",
                  "acl",
                  "analytics",
                  "attributes",
                  "cors",
                  "encryption",
                  "intelligent-tiering",
                  "inventory",
                  "legal-hold",
                  "lifecycle",
                  "logging",
                  "metadataTable",
                  "metrics",
                  "notification",
                  "object-lock",
                  "ownershipControls",
                  "policy",
                  "policyStatus",
                  "publicAccessBlock",
                  "renameObject",
                  "replication",
                  "requestPayment",
                  "restore",
                  "retention",
                  "select",
                  "session",
                  "tagging",
                  "torrent",
                  "versioning",
                  "versions",
                  "website")));

  private final String bucket;
  private final String key;
  private final Operation operation;
  private final String unsupported;

  private S3Route(String bucket, String key, Operation operation, String unsupported) {
    this.bucket = bucket;
    this.key = key;
    this.operation = operation;
    this.unsupported = unsupported;
  }

  /** The bucket named by the path, or null for the service ({@code GET /}). */
  String bucket() {
    return bucket;
  }

  /** The object key (decoded), or null for bucket and service requests. */
  String key() {
    return key;
  }

  Operation operation() {
    return operation;
  }

  /** For {@link Operation#NotImplemented}: what the request asked for, for the 501 message. */
  String unsupported() {
    return unsupported;
  }

  /** Routes a request by method, decoded path and query. */
  static S3Route of(String method, String decodedPath, RequestHead head) {
    String path = decodedPath.startsWith("/") ? decodedPath.substring(1) : decodedPath;
    int slash = path.indexOf('/');
    String bucket = slash < 0 ? path : path.substring(0, slash);
    String key = slash < 0 || slash == path.length() - 1 ? null : path.substring(slash + 1);
    if (bucket.isEmpty()) {
      return method.equals("GET")
          ? new S3Route(null, null, Operation.ListBuckets, null)
          : notImplemented(null, null, method + " on the service");
    }
    for (String[] pair : head.queryPairs()) {
      if (UNSUPPORTED_SUBRESOURCES.contains(pair[0])) {
        return notImplemented(bucket, key, "The ?" + pair[0] + " sub-resource");
      }
    }
    String versionId = head.queryParam("versionId");
    if (versionId != null && !versionId.equals("null")) {
      return notImplemented(bucket, key, "Object versioning (versionId=" + versionId + ")");
    }
    Operation op = key == null ? bucketOperation(method, head) : objectOperation(method, head);
    return op == null
        ? notImplemented(bucket, key, method + (key == null ? " on a bucket" : " on an object"))
        : new S3Route(bucket, key, op, null);
  }

  private static Operation bucketOperation(String method, RequestHead head) {
    switch (method) {
      case "GET":
        if (head.hasQueryParam("location")) {
          return Operation.GetBucketLocation;
        }
        if (head.hasQueryParam("uploads")) {
          return Operation.ListMultipartUploads;
        }
        return "2".equals(head.queryParam("list-type"))
            ? Operation.ListObjectsV2
            : Operation.ListObjects;
      case "HEAD":
        return Operation.HeadBucket;
      case "PUT":
        return Operation.PutBucket;
      case "DELETE":
        return Operation.DeleteBucket;
      case "POST":
        return head.hasQueryParam("delete") ? Operation.DeleteMultipleObjects : null;
      default:
        return null;
    }
  }

  private static Operation objectOperation(String method, RequestHead head) {
    boolean upload = head.hasQueryParam("uploadId");
    switch (method) {
      case "PUT":
        if (upload && head.hasQueryParam("partNumber")) {
          return head.header("x-amz-copy-source") != null
              ? Operation.UploadPartCopy
              : Operation.UploadPart;
        }
        return head.header("x-amz-copy-source") != null
            ? Operation.CopyObject
            : Operation.PutObject;
      case "GET":
        return upload ? Operation.ListParts : Operation.GetObject;
      case "HEAD":
        return Operation.HeadObject;
      case "DELETE":
        return upload ? Operation.AbortMultipartUpload : Operation.DeleteObject;
      case "POST":
        if (head.hasQueryParam("uploads")) {
          return Operation.InitiateMultipartUpload;
        }
        return upload ? Operation.CompleteMultipartUpload : null;
      default:
        return null;
    }
  }

  private static S3Route notImplemented(String bucket, String key, String what) {
    return new S3Route(bucket, key, Operation.NotImplemented, what);
  }
}
