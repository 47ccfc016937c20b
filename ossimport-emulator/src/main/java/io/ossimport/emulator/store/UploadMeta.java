package io.ossimport.emulator.store;

/** An in-progress multipart upload. */
public final class UploadMeta {
  private final String uploadId;
  private final String bucket;
  private final String key;
  private final long initiated;
  private final ObjectAttributes attributes;

  public UploadMeta(
      String uploadId, String bucket, String key, long initiated, ObjectAttributes attributes) {
    this.uploadId = uploadId;
    this.bucket = bucket;
    this.key = key;
    this.initiated = initiated;
    this.attributes = attributes;
  }

  public String uploadId() {
    return uploadId;
  }

  public String bucket() {
    return bucket;
  }

  public String key() {
    return key;
  }

  /** Milliseconds since the epoch. */
  public long initiated() {
    return initiated;
  }

  /** Attributes given at initiation; the completed object gets them. */
  public ObjectAttributes attributes() {
    return attributes;
  }
}
