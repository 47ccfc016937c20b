package io.ossimport.emulator.s3;

import io.ossimport.emulator.store.StoreException;
import java.io.IOException;

/** Runs the operation a routed, authenticated S3 request asks for. */
final class S3Operations {
  private S3Operations() {}

  static void run(S3Exchange ex) throws IOException, StoreException {
    switch (ex.route.operation()) {
      case ListBuckets:
        S3Buckets.listBuckets(ex);
        return;
      case PutBucket:
        S3Buckets.create(ex);
        return;
      case HeadBucket:
        S3Buckets.head(ex);
        return;
      case DeleteBucket:
        S3Buckets.delete(ex);
        return;
      case GetBucketLocation:
        S3Buckets.location(ex);
        return;
      case ListObjects:
        S3Listings.listV1(ex);
        return;
      case ListObjectsV2:
        S3Listings.listV2(ex);
        return;
      case DeleteMultipleObjects:
        S3DeleteObjects.run(ex);
        return;
      case PutObject:
        S3Objects.put(ex);
        return;
      case GetObject:
        S3Objects.get(ex, false);
        return;
      case HeadObject:
        S3Objects.get(ex, true);
        return;
      case DeleteObject:
        S3Objects.delete(ex);
        return;
      case CopyObject:
        S3Objects.copy(ex);
        return;
      case InitiateMultipartUpload:
        S3Multipart.initiate(ex);
        return;
      case UploadPart:
        S3Multipart.uploadPart(ex);
        return;
      case UploadPartCopy:
        S3Multipart.uploadPartCopy(ex);
        return;
      case CompleteMultipartUpload:
        S3Multipart.complete(ex);
        return;
      case AbortMultipartUpload:
        S3Multipart.abort(ex);
        return;
      case ListParts:
        S3MultipartListings.listParts(ex);
        return;
      case ListMultipartUploads:
        S3MultipartListings.listUploads(ex);
        return;
      default:
        throw S3Failure.notImplemented(ex.route.operation() + " in the S3 dialect");
    }
  }
}
