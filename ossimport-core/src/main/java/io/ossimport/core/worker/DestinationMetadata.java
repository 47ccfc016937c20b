package io.ossimport.core.worker;

import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.config.WriteAttributes;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.source.ObjectStat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of the request that creates an object (PutObject, InitiateMultipartUpload,
 * CopyObject; never a part, which OSS does not let carry them): the source's content type and user
 * metadata as before, the source's content headers and storage class when {@code
 * keepSourceAttributes}, then the job's attributes, which win. A resumed multipart upload needs
 * nothing here: its attributes were given at initiate, and OSS keeps them with the upload.
 */
final class DestinationMetadata {
  private DestinationMetadata() {}

  static ObjectMetadata of(WriteAttributes job, String key, ObjectStat stat, String md5) {
    Map<String, String> userMetadata = new LinkedHashMap<String, String>(stat.userMetadata());
    String contentType = stat.contentType();
    Map<String, String> headers = new LinkedHashMap<String, String>();
    if (job.keepSourceAttributes()) {
      headers.putAll(stat.headers());
    }
    for (Map.Entry<String, String> h : job.headers().entrySet()) {
      String name = h.getKey();
      if (name.startsWith(WriteAttributes.USER_METADATA_PREFIX)) {
        userMetadata.put(
            name.substring(WriteAttributes.USER_METADATA_PREFIX.length()), h.getValue());
      } else if (name.equals("Content-Type")) {
        contentType = h.getValue();
      } else {
        headers.put(name, h.getValue());
      }
    }
    ObjectMetadata meta = OssDestination.metadata(key, false, md5, contentType, userMetadata);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      meta.setHeader(h.getKey(), h.getValue());
    }
    String storageClass =
        job.storageClass() != null
            ? job.storageClass()
            : job.keepSourceAttributes() ? stat.storageClass() : null;
    OssDestination.setWriteAttributes(meta, job, storageClass);
    return meta;
  }

  /**
   * What an audit expects of the destination: the source's stat, with the content type and user
   * metadata the job's {@code objectHeaders} put in their place.
   */
  static ObjectStat expected(WriteAttributes job, ObjectStat stat) {
    ObjectStat expected = stat;
    Map<String, String> userMetadata = null;
    for (Map.Entry<String, String> h : job.headers().entrySet()) {
      if (h.getKey().equals("Content-Type")) {
        expected = expected.withContentType(h.getValue());
      } else if (h.getKey().startsWith(WriteAttributes.USER_METADATA_PREFIX)) {
        if (userMetadata == null) {
          userMetadata = new LinkedHashMap<String, String>(stat.userMetadata());
        }
        userMetadata.put(
            h.getKey().substring(WriteAttributes.USER_METADATA_PREFIX.length()), h.getValue());
      }
    }
    return userMetadata == null ? expected : expected.withUserMetadata(userMetadata);
  }
}
