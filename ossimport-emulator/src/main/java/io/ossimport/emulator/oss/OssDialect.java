package io.ossimport.emulator.oss;

import io.ossimport.emulator.EmulatorConfig;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.http.Dialect;
import io.ossimport.emulator.http.HttpRequest;
import io.ossimport.emulator.http.HttpResponse;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;

/**
 * The OSS REST dialect, as aliyun-sdk-oss 3.18.5 speaks it. It accepts every request, so it is
 * registered last as the fallback. Order of checks per request: method, bucket name,
 * authentication, sub-resources (501 for unimplemented ones), then the operation.
 */
public final class OssDialect implements Dialect {
  private final EmulatorConfig config;
  private final OssAuth auth;
  private final OssBuckets buckets;
  private final OssObjects objects;
  private final OssObjectSettings settings;
  private final OssListing listing;
  private final OssMultipart multipart;

  public OssDialect(EmulatorConfig config, Store store) {
    this.config = config;
    this.auth = new OssAuth(config);
    this.buckets = new OssBuckets(config, store);
    this.objects = new OssObjects(store);
    this.settings = new OssObjectSettings(store);
    this.listing = new OssListing(store);
    this.multipart = new OssMultipart(config, store);
  }

  @Override
  public boolean accepts(HttpRequest request) {
    return true;
  }

  @Override
  public Operation classify(HttpRequest request) {
    OssTarget t = OssTarget.of(request, config);
    return t.hostError != null ? Operation.Invalid : OssRouter.classify(request, t);
  }

  @Override
  public String objectPath(HttpRequest request) {
    OssTarget t = OssTarget.of(request, config);
    return t.hostError != null || t.bucket == null || t.key == null ? null : t.bucket + "/" + t.key;
  }

  @Override
  public String requestIdHeader() {
    return "x-oss-request-id";
  }

  @Override
  public void sendError(
      HttpRequest request, HttpResponse response, int status, String code, String message)
      throws IOException {
    OssErrors.send(request, response, new OssError(status, code, message));
  }

  @Override
  public void handle(HttpRequest req, Operation op, HttpResponse resp) throws IOException {
    resp.header("Server", "AliyunOSS");
    resp.header("Date", io.ossimport.emulator.http.HttpDates.rfc1123(System.currentTimeMillis()));
    OssTarget t = OssTarget.of(req, config);
    try {
      if (t.hostError != null) {
        throw t.hostError;
      }
      if (op == Operation.Invalid && !isKnownMethod(req.method())) {
        throw new OssError(
                405,
                "MethodNotAllowed",
                "The specified method is not allowed against this resource.")
            .with("Method", req.method())
            .with(
                "ResourceType", t.key != null ? "Object" : t.bucket != null ? "Bucket" : "Service");
      }
      if (t.bucket != null && !OssBuckets.isValidName(t.bucket)) {
        throw new OssError(400, "InvalidBucketName", "The specified bucket is not valid.")
            .with("BucketName", t.bucket);
      }
      auth.verify(req, t);
      if (op == Operation.NotImplemented) {
        String p = OssRouter.unsupportedParam(req);
        throw OssError.notImplemented(
            req.method()
                + " "
                + (p != null ? "?" + p : t.key != null ? "object" : "bucket")
                + " (sub-resource or operation not supported)");
      }
      if (op == Operation.Invalid) {
        throw OssError.invalidArgument(
            "uploadId and partNumber must be given together.",
            "partNumber",
            req.param("partNumber"));
      }
      if (t.key != null) {
        OssKeys.validate(t.key);
      }
      dispatch(req, op, t, resp);
    } catch (OssError e) {
      OssErrors.send(req, resp, e);
    } catch (StoreException e) {
      OssErrors.send(req, resp, OssKeys.toError(e, t));
    }
  }

  private static boolean isKnownMethod(String m) {
    return m.equals("GET")
        || m.equals("PUT")
        || m.equals("HEAD")
        || m.equals("DELETE")
        || m.equals("POST");
  }

  private void dispatch(HttpRequest req, Operation op, OssTarget t, HttpResponse resp)
      throws IOException, OssError, StoreException {
    if (settings.serve(op, req, t.bucket, t.key, resp)) {
      return;
    }
    switch (op) {
      case ListBuckets:
        buckets.listBuckets(req, resp);
        break;
      case PutBucket:
        buckets.putBucket(req, t.bucket, resp);
        break;
      case DeleteBucket:
        buckets.deleteBucket(t.bucket, resp);
        break;
      case HeadBucket:
        buckets.headBucket(t.bucket, resp);
        break;
      case GetBucketInfo:
        buckets.getBucketInfo(t.bucket, resp);
        break;
      case GetBucketLocation:
        buckets.getBucketLocation(t.bucket, resp);
        break;
      case GetBucketAcl:
        buckets.getBucketAcl(t.bucket, resp);
        break;
      case ListObjects:
        listing.listObjects(req, t.bucket, resp);
        break;
      case ListObjectsV2:
        listing.listObjectsV2(req, t.bucket, resp);
        break;
      case DeleteMultipleObjects:
        objects.deleteMultiple(req, t.bucket, resp);
        break;
      case PutObject:
        objects.put(req, t.bucket, t.key, resp);
        break;
      case GetObject:
      case HeadObject:
        objects.get(req, t.bucket, t.key, resp);
        break;
      case GetObjectMeta:
        objects.meta(t.bucket, t.key, resp);
        break;
      case DeleteObject:
        objects.delete(t.bucket, t.key, resp);
        break;
      case CopyObject:
        objects.copy(req, t.bucket, t.key, resp);
        break;
      case InitiateMultipartUpload:
        multipart.initiate(req, t.bucket, t.key, resp);
        break;
      case UploadPart:
        multipart.uploadPart(req, t.bucket, t.key, resp);
        break;
      case UploadPartCopy:
        multipart.uploadPartCopy(req, t.bucket, t.key, resp);
        break;
      case ListParts:
        multipart.listParts(req, t.bucket, t.key, resp);
        break;
      case CompleteMultipartUpload:
        multipart.complete(req, t.bucket, t.key, resp);
        break;
      case AbortMultipartUpload:
        multipart.abort(req, t.bucket, t.key, resp);
        break;
      case ListMultipartUploads:
        multipart.listUploads(req, t.bucket, resp);
        break;
      default:
        throw OssError.notImplemented(op.name());
    }
  }
}
