package io.ossimport.emulator.store;

/**
 * The part of an object's metadata that listings need; what the in-memory key index holds, so kept
 * small (a bucket of a million objects costs a few hundred bytes per object).
 */
public class ObjectSummary {
  /** {@code x-oss-object-type} of an object written by one PUT or a copy. */
  public static final String TYPE_NORMAL = "Normal";

  /** {@code x-oss-object-type} of an object assembled from parts. */
  public static final String TYPE_MULTIPART = "Multipart";

  private final String key;
  private final long size;
  private final String etag;
  private final long lastModified;
  private final String storageClass;
  private final String type;

  public ObjectSummary(
      String key, long size, String etag, long lastModified, String storageClass, String type) {
    this.key = key;
    this.size = size;
    this.etag = etag;
    this.lastModified = lastModified;
    this.storageClass = storageClass == null ? null : storageClass.intern();
    this.type = type.intern();
  }

  public String key() {
    return key;
  }

  public long size() {
    return size;
  }

  /** The entity tag without quotes, as the writing dialect computed it. */
  public String etag() {
    return etag;
  }

  /** Milliseconds since the epoch. */
  public long lastModified() {
    return lastModified;
  }

  /** Storage class, {@code null} when the writer set none (dialects then show their default). */
  public String storageClass() {
    return storageClass;
  }

  /** {@link #TYPE_NORMAL} or {@link #TYPE_MULTIPART}. */
  public String type() {
    return type;
  }
}
