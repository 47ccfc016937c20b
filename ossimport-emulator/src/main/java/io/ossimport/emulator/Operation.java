package io.ossimport.emulator;

/**
 * The request kinds the emulator counts and can inject faults into. Every dialect (OSS, S3)
 * classifies its requests into these names, so counters compare across dialects.
 */
public enum Operation {
  PutObject,
  GetObject,
  HeadObject,
  GetObjectMeta,
  DeleteObject,
  DeleteMultipleObjects,
  CopyObject,
  ListObjects,
  ListObjectsV2,
  InitiateMultipartUpload,
  UploadPart,
  UploadPartCopy,
  ListParts,
  CompleteMultipartUpload,
  AbortMultipartUpload,
  ListMultipartUploads,
  GetObjectTagging,
  PutObjectTagging,
  DeleteObjectTagging,
  GetObjectAcl,
  PutObjectAcl,
  PutBucket,
  DeleteBucket,
  HeadBucket,
  GetBucketInfo,
  GetBucketLocation,
  GetBucketAcl,
  ListBuckets,
  /** A request the emulator recognises but does not implement (answered 501). */
  NotImplemented,
  /** A request that could not even be classified (bad method, malformed path...). */
  Invalid;

  /** Parses an operation name case-insensitively; {@code null} when unknown. */
  public static Operation parse(String name) {
    for (Operation op : values()) {
      if (op.name().equalsIgnoreCase(name)) {
        return op;
      }
    }
    return null;
  }
}
