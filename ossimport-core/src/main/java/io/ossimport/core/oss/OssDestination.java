package io.ossimport.core.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.ResponseMessage;
import com.aliyun.oss.internal.Mimetypes;
import com.aliyun.oss.internal.OSSHeaders;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.GenericResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.PartSummary;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartCopyResult;
import com.aliyun.oss.model.UploadPartRequest;
import com.aliyun.oss.model.UploadPartResult;
import com.aliyun.oss.model.WebServiceRequest;
import io.ossimport.core.config.WriteAttributes;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The destination bucket of a job and the few calls an import makes on it. Each method is one
 * request (ListParts pages excepted); failures are the SDK's runtime exceptions, for {@link
 * OssFailures#classify}. The SDK's own failure logging is off: the worker audits every attempt.
 * Thread-safe.
 */
public final class OssDestination implements AutoCloseable {
  private final OSS client;
  private final String bucket;

  public OssDestination(OSS client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  /** The metadata of an upload: Content-Type from the key, optional SSE and source MD5. */
  public static ObjectMetadata metadata(String key, boolean serverSideEncryption, String md5Hex) {
    return metadata(
        key, serverSideEncryption, md5Hex, null, Collections.<String, String>emptyMap());
  }

  /**
   * The metadata of an upload of an object whose source knows its content type and user metadata:
   * those are kept (the type from the key only when the source has none); the {@code md5} entry of
   * {@code workerRecordMd5} wins over a source entry of that name.
   */
  public static ObjectMetadata metadata(
      String key,
      boolean serverSideEncryption,
      String md5Hex,
      String contentType,
      Map<String, String> userMetadata) {
    ObjectMetadata meta = new ObjectMetadata();
    meta.setContentType(
        contentType != null ? contentType : Mimetypes.getInstance().getMimetype(key));
    if (serverSideEncryption) {
      meta.setServerSideEncryption(ObjectMetadata.AES_256_SERVER_SIDE_ENCRYPTION);
    }
    for (Map.Entry<String, String> e : userMetadata.entrySet()) {
      meta.addUserMetadata(e.getKey(), e.getValue());
    }
    if (md5Hex != null) {
      meta.addUserMetadata("md5", md5Hex);
    }
    return meta;
  }

  /**
   * Sets what the job writes on every object, on a request that creates one (PutObject,
   * InitiateMultipartUpload, CopyObject; never a part): the storage class the caller chose (the
   * job's, or the source's where the job keeps it), then the job's ACL, tags and server-side
   * encryption with its KMS key. Submit's write check sends the same, so that a permission they
   * need shows there.
   */
  public static void setWriteAttributes(
      ObjectMetadata meta, WriteAttributes job, String storageClass) {
    setIfAny(meta, OSSHeaders.OSS_STORAGE_CLASS, storageClass);
    setIfAny(meta, OSSHeaders.OSS_OBJECT_ACL, job.objectAcl());
    setIfAny(meta, OSSHeaders.OSS_TAGGING, job.taggingHeader());
    setIfAny(meta, OSSHeaders.OSS_SERVER_SIDE_ENCRYPTION, job.serverSideEncryption());
    setIfAny(meta, OSSHeaders.OSS_SERVER_SIDE_ENCRYPTION_KEY_ID, job.kmsKeyId());
  }

  private static void setIfAny(ObjectMetadata meta, String header, String value) {
    if (value != null) {
      meta.setHeader(header, value);
    }
  }

  /** HEAD: the object, or {@code null} if it does not exist. */
  public RemoteObject head(String key) {
    try {
      ObjectMetadata m = client.getObjectMetadata(quiet(new GenericRequest(bucket, key)));
      return new RemoteObject(
          m.getContentLength(),
          m.getLastModified() == null ? 0 : m.getLastModified().getTime(),
          m.getServerCRC(),
          trimQuotes(m.getETag()),
          m.getContentType(),
          m.getUserMetadata());
    } catch (RuntimeException e) {
      if (OssFailures.isNoSuchKey(e)) {
        return null;
      }
      throw e;
    }
  }

  /**
   * ListObjects: up to {@code maxKeys} keys under {@code prefix} after {@code marker} (exclusive;
   * from the first key if null), in OSS's order (UTF-8 bytes). Keys travel URL-encoded ({@code
   * encoding-type=url}: a key may hold characters XML 1.0 cannot carry).
   */
  public ListedPage list(String prefix, String marker, int maxKeys) {
    ListObjectsRequest request = new ListObjectsRequest(bucket);
    request.setPrefix(prefix == null || prefix.isEmpty() ? null : prefix);
    request.setMarker(marker);
    request.setMaxKeys(maxKeys);
    request.setEncodingType("url");
    ObjectListing listing = client.listObjects(quiet(request));
    List<ListedPage.Entry> entries = new ArrayList<>(listing.getObjectSummaries().size());
    for (OSSObjectSummary o : listing.getObjectSummaries()) {
      Date modified = o.getLastModified();
      entries.add(
          new ListedPage.Entry(
              urlDecoded(o.getKey()), o.getSize(), modified == null ? 0 : modified.getTime()));
    }
    String next = null;
    if (listing.isTruncated()) {
      next =
          listing.getNextMarker() != null
              ? urlDecoded(listing.getNextMarker())
              : entries.isEmpty() ? null : entries.get(entries.size() - 1).key;
      if (next == null || next.equals(marker)) {
        throw new IllegalStateException(
            "ListObjects of oss://" + bucket + "/" + prefix + " returned no next marker");
      }
    }
    return new ListedPage(Collections.unmodifiableList(entries), next);
  }

  private static String urlDecoded(String encoded) {
    try {
      return URLDecoder.decode(encoded, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("the JVM has no UTF-8", e);
    }
  }

  /** PUT of exactly {@code length} bytes of {@code body}; the SDK checks the CRC-64. */
  public Uploaded put(String key, InputStream body, long length, ObjectMetadata metadata) {
    metadata.setContentLength(length);
    PutObjectResult r = client.putObject(quiet(new PutObjectRequest(bucket, key, body, metadata)));
    return Uploaded.checked(trimQuotes(r.getETag()), r.getClientCRC(), r.getServerCRC());
  }

  /** Starts a multipart upload and returns its id. */
  public String initiate(String key, ObjectMetadata metadata) {
    return client
        .initiateMultipartUpload(quiet(new InitiateMultipartUploadRequest(bucket, key, metadata)))
        .getUploadId();
  }

  /** Uploads part {@code number} (1-based) of exactly {@code size} bytes; CRC-64 checked. */
  public Uploaded uploadPart(String key, String uploadId, int number, InputStream body, long size) {
    UploadPartRequest request = new UploadPartRequest(bucket, key, uploadId, number, body, size);
    UploadPartResult r = client.uploadPart(quiet(request));
    return Uploaded.checked(trimQuotes(r.getETag()), r.getClientCRC(), r.getServerCRC());
  }

  /**
   * CopyObject of another bucket's object on the same endpoint and account, with {@code metadata}
   * instead of the source's (REPLACE; its tags too when it has {@code x-oss-tagging}), only if the
   * source is unmodified since {@code sourceMtimeMillis} (412 PreconditionFailed otherwise). OSS
   * copies up to 1 GB this way.
   */
  public Uploaded copy(
      String sourceBucket,
      String sourceKey,
      String key,
      ObjectMetadata metadata,
      long sourceMtimeMillis) {
    CopyObjectRequest request = new CopyObjectRequest(sourceBucket, sourceKey, bucket, key);
    if (metadata.getRawMetadata().containsKey(OSSHeaders.OSS_TAGGING)) {
      // tags follow their own directive: without Replace, OSS keeps the source's
      metadata.setHeader(OSSHeaders.COPY_OBJECT_TAGGING_DIRECTIVE, "Replace");
    }
    request.setNewObjectMetadata(metadata);
    request.setUnmodifiedSinceConstraint(new Date(sourceMtimeMillis));
    CopyObjectResult r = client.copyObject(quiet(request));
    return new Uploaded(trimQuotes(r.getETag()), serverCrc(r));
  }

  /**
   * UploadPartCopy: part {@code number} of an upload is {@code size} bytes of another bucket's
   * object from {@code offset}, copied by OSS, if the source is unmodified since {@code
   * sourceMtimeMillis}.
   */
  public Uploaded uploadPartCopy(
      String sourceBucket,
      String sourceKey,
      String key,
      String uploadId,
      int number,
      long offset,
      long size,
      long sourceMtimeMillis) {
    UploadPartCopyRequest request =
        new UploadPartCopyRequest(
            sourceBucket, sourceKey, bucket, key, uploadId, number, offset, size);
    request.setUnmodifiedSinceConstraint(new Date(sourceMtimeMillis));
    UploadPartCopyResult r = client.uploadPartCopy(quiet(request));
    return new Uploaded(trimQuotes(r.getETag()), serverCrc(r));
  }

  /** The parts OSS holds for an upload, by number (every page). */
  public SortedMap<Integer, PartSummary> listParts(String key, String uploadId) {
    SortedMap<Integer, PartSummary> parts = new TreeMap<>();
    Integer marker = null;
    while (true) {
      ListPartsRequest request = new ListPartsRequest(bucket, key, uploadId);
      request.setMaxParts(1000);
      if (marker != null) {
        request.setPartNumberMarker(marker);
      }
      PartListing page = client.listParts(quiet(request));
      for (PartSummary p : page.getParts()) {
        parts.put(p.getPartNumber(), p);
      }
      if (!page.isTruncated() || page.getNextPartNumberMarker() == null) {
        return parts;
      }
      marker = page.getNextPartNumberMarker();
    }
  }

  /**
   * Completes an upload. Give every {@link PartETag} its size and CRC-64, so the SDK combines them
   * and checks the whole object's CRC-64 against OSS's.
   */
  public Uploaded complete(String key, String uploadId, List<PartETag> parts) {
    CompleteMultipartUploadResult r =
        client.completeMultipartUpload(
            quiet(new CompleteMultipartUploadRequest(bucket, key, uploadId, parts)));
    return Uploaded.checked(trimQuotes(r.getETag()), r.getClientCRC(), r.getServerCRC());
  }

  /**
   * One page (up to 1,000) of the multipart uploads open under {@code prefix}, in key then upload
   * id order, after {@code keyMarker}/{@code uploadIdMarker} (both {@code null} for the first).
   */
  public MultipartUploadListing openUploads(
      String prefix, String keyMarker, String uploadIdMarker) {
    ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(bucket);
    request.setPrefix(prefix);
    request.setKeyMarker(keyMarker);
    request.setUploadIdMarker(uploadIdMarker);
    request.setMaxUploads(1000);
    return client.listMultipartUploads(quiet(request));
  }

  /** Aborts an upload; one OSS no longer knows counts as aborted. */
  public void abort(String key, String uploadId) {
    try {
      client.abortMultipartUpload(quiet(new AbortMultipartUploadRequest(bucket, key, uploadId)));
    } catch (RuntimeException e) {
      if (!OssFailures.isNoSuchUpload(e)) {
        throw e;
      }
    }
  }

  /** Deletes an object (absent is fine). */
  public void delete(String key) {
    client.deleteObject(quiet(new GenericRequest(bucket, key)));
  }

  @Override
  public void close() {
    client.shutdown();
  }

  private static <T extends WebServiceRequest> T quiet(T request) {
    request.setLogEnabled(false);
    return request;
  }

  /** The CRC-64 OSS reported for a copy (the SDK's parsers of copies do not read it). */
  private static Long serverCrc(GenericResult r) {
    if (r.getServerCRC() != null) {
      return r.getServerCRC();
    }
    ResponseMessage response = r.getResponse();
    String header =
        response == null ? null : response.getHeaders().get(OSSHeaders.OSS_HASH_CRC64_ECMA);
    return header == null ? null : new BigInteger(header.trim()).longValue();
  }

  static String trimQuotes(String etag) {
    if (etag == null) {
      return null;
    }
    String t = etag.trim();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    return t;
  }
}
