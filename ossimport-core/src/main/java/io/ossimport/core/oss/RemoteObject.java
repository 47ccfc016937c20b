package io.ossimport.core.oss;

/** What a HEAD of a destination object tells: size, Last-Modified, CRC-64 and ETag. */
public final class RemoteObject {
  private final long size;
  private final long lastModifiedMillis;
  private final Long crc64;
  private final String etag;

  RemoteObject(long size, long lastModifiedMillis, Long crc64, String etag) {
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
    this.crc64 = crc64;
    this.etag = etag;
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
