package io.ossimport.emulator.oss;

import io.ossimport.emulator.Operation;
import io.ossimport.emulator.http.HttpRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps method, target and sub-resource parameters to an {@link Operation}. Strict: a request
 * carrying any OSS sub-resource the emulator does not implement (bucket tagging, symlink, append,
 * versionId, x-oss-process, ...) is {@link Operation#NotImplemented}, never served as something
 * else.
 */
final class OssRouter {
  /** Parameters that are authentication, listing options or response-header overrides. */
  private static final Set<String> PLAIN_PARAMS =
      new HashSet<String>(
          Arrays.asList(
              "OSSAccessKeyId",
              "Expires",
              "Signature",
              "security-token",
              "x-oss-signature-version",
              "x-oss-credential",
              "x-oss-date",
              "x-oss-expires",
              "x-oss-signature",
              "x-oss-additional-headers",
              "x-oss-security-token",
              "prefix",
              "marker",
              "delimiter",
              "max-keys",
              "encoding-type",
              "list-type",
              "continuation-token",
              "start-after",
              "fetch-owner",
              "key-marker",
              "upload-id-marker",
              "max-uploads",
              "max-parts",
              "part-number-marker",
              "uploadId",
              "partNumber",
              "response-cache-control",
              "response-content-disposition",
              "response-content-encoding",
              "response-content-language",
              "response-content-type",
              "response-expires"));

  /** Sub-resources that select an operation. */
  private static final Set<String> HANDLED_SUBRESOURCES =
      new HashSet<String>(
          Arrays.asList(
              "uploads", "delete", "acl", "tagging", "location", "bucketInfo", "objectMeta"));

  private OssRouter() {}

  /** The first parameter naming an unimplemented feature, or {@code null}. */
  static String unsupportedParam(HttpRequest req) {
    for (String p : req.query().keySet()) {
      if (!PLAIN_PARAMS.contains(p) && !HANDLED_SUBRESOURCES.contains(p)) {
        return p;
      }
    }
    return null;
  }

  static Operation classify(HttpRequest req, OssTarget t) {
    String m = req.method();
    if (!m.equals("GET")
        && !m.equals("PUT")
        && !m.equals("HEAD")
        && !m.equals("DELETE")
        && !m.equals("POST")) {
      return Operation.Invalid;
    }
    if (unsupportedParam(req) != null) {
      return Operation.NotImplemented;
    }
    Map<String, String> q = req.query();
    if (t.bucket == null) {
      return m.equals("GET") && only(q) ? Operation.ListBuckets : Operation.NotImplemented;
    }
    if (t.key == null) {
      return bucketOperation(m, q);
    }
    return objectOperation(req, m, q);
  }

  private static boolean only(Map<String, String> q, String... subresources) {
    int found = 0;
    for (String k : q.keySet()) {
      if (HANDLED_SUBRESOURCES.contains(k)) {
        if (!Arrays.asList(subresources).contains(k)) {
          return false;
        }
        found++;
      }
    }
    return found == subresources.length;
  }

  private static Operation bucketOperation(String m, Map<String, String> q) {
    switch (m) {
      case "PUT":
        return only(q) ? Operation.PutBucket : Operation.NotImplemented;
      case "HEAD":
        return only(q) ? Operation.HeadBucket : Operation.NotImplemented;
      case "DELETE":
        return only(q) ? Operation.DeleteBucket : Operation.NotImplemented;
      case "POST":
        return only(q, "delete") ? Operation.DeleteMultipleObjects : Operation.NotImplemented;
      default:
        break;
    }
    if (only(q, "acl")) {
      return Operation.GetBucketAcl;
    }
    if (only(q, "location")) {
      return Operation.GetBucketLocation;
    }
    if (only(q, "bucketInfo")) {
      return Operation.GetBucketInfo;
    }
    if (only(q, "uploads")) {
      return Operation.ListMultipartUploads;
    }
    if (only(q)) {
      return "2".equals(q.get("list-type")) ? Operation.ListObjectsV2 : Operation.ListObjects;
    }
    return Operation.NotImplemented;
  }

  /**
   * A request on one of the object sub-resources ({@code ?tagging}, {@code ?acl}: the table of
   * {@link OssObjectSettings}); {@code null} for any other request.
   */
  private static Operation objectSetting(String m, Map<String, String> q) {
    for (String subresource : OssObjectSettings.SUBRESOURCES) {
      if (only(q, subresource)) {
        return OssObjectSettings.operation(subresource, m);
      }
    }
    return null;
  }

  private static Operation objectOperation(HttpRequest req, String m, Map<String, String> q) {
    boolean upload = q.containsKey("uploadId");
    boolean part = q.containsKey("partNumber");
    boolean copy = req.header("x-oss-copy-source") != null;
    Operation setting = objectSetting(m, q);
    if (setting != null) {
      return setting;
    }
    switch (m) {
      case "PUT":
        if (!only(q)) {
          return Operation.NotImplemented;
        }
        if (upload && part) {
          return copy ? Operation.UploadPartCopy : Operation.UploadPart;
        }
        return upload || part
            ? Operation.Invalid
            : copy ? Operation.CopyObject : Operation.PutObject;
      case "GET":
        if (!only(q)) {
          return Operation.NotImplemented;
        }
        return upload ? Operation.ListParts : part ? Operation.NotImplemented : Operation.GetObject;
      case "HEAD":
        if (only(q, "objectMeta")) {
          return Operation.GetObjectMeta;
        }
        return only(q) && !upload ? Operation.HeadObject : Operation.NotImplemented;
      case "DELETE":
        if (!only(q)) {
          return Operation.NotImplemented;
        }
        return upload ? Operation.AbortMultipartUpload : Operation.DeleteObject;
      default:
        if (only(q, "uploads")) {
          return Operation.InitiateMultipartUpload;
        }
        return only(q) && upload ? Operation.CompleteMultipartUpload : Operation.NotImplemented;
    }
  }
}
