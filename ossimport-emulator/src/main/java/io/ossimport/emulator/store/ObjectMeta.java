package io.ossimport.emulator.store;

/** Everything the store knows about one object: summary, CRC-64 and client attributes. */
public final class ObjectMeta extends ObjectSummary {
  private final long crc64;
  private final ObjectAttributes attributes;

  public ObjectMeta(
      String key,
      long size,
      String etag,
      long crc64,
      long lastModified,
      String type,
      ObjectAttributes attributes) {
    super(key, size, etag, lastModified, attributes.storageClass(), type);
    this.crc64 = crc64;
    this.attributes = attributes;
  }

  /** CRC-64/ECMA-182 of the whole content. */
  public long crc64() {
    return crc64;
  }

  /** The attributes; treat as read-only (copy before changing). */
  public ObjectAttributes attributes() {
    return attributes;
  }

  /** The small form kept in the key index. */
  public ObjectSummary summary() {
    return new ObjectSummary(key(), size(), etag(), lastModified(), storageClass(), type());
  }
}
