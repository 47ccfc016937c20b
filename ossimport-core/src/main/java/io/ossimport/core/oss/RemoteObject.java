package io.ossimport.core.oss;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a HEAD of a destination object tells: size, Last-Modified, CRC-64, ETag, content type and
 * user metadata.
 */
public final class RemoteObject {
  private final long size;
  private final long lastModifiedMillis;
  private final Long crc64;
  private final String etag;
  private final String contentType;
  private final Map<String, String> userMetadata;

  RemoteObject(long size, long lastModifiedMillis, Long crc64, String etag) {
    this(size, lastModifiedMillis, crc64, etag, null, Collections.<String, String>emptyMap());
  }

  /** What a HEAD reported; {@code crc64}, {@code etag} and {@code contentType} may be null. */
  public RemoteObject(
      long size,
      long lastModifiedMillis,
      Long crc64,
      String etag,
      String contentType,
      Map<String, String> userMetadata) {
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
    this.crc64 = crc64;
    this.etag = etag;
    this.contentType = contentType;
    Map<String, String> meta = new TreeMap<>();
    if (userMetadata != null) {
      for (Map.Entry<String, String> e : userMetadata.entrySet()) {
        meta.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    this.userMetadata = Collections.unmodifiableMap(meta);
  }

  public long size() {
    return size;
  }

  /** Last-Modified in epoch millis (OSS gives whole seconds); 0 if OSS sent none. */
  public long lastModifiedMillis() {
    return lastModifiedMillis;
  }

  /** The {@code x-oss-hash-crc64ecma} OSS reported, or {@code null}. */
  public Long crc64() {
    return crc64;
  }

  public String etag() {
    return etag;
  }

  /** The Content-Type OSS reported, or {@code null}. */
  public String contentType() {
    return contentType;
  }

  /** The {@code x-oss-meta-*} values, by name without the prefix, names in lower case. */
  public Map<String, String> userMetadata() {
    return userMetadata;
  }

  @Override
  public String toString() {
    return "RemoteObject{size="
        + size
        + ", lastModified="
        + lastModifiedMillis
        + ", crc64="
        + (crc64 == null ? "-" : Long.toUnsignedString(crc64))
        + "}";
  }
}
