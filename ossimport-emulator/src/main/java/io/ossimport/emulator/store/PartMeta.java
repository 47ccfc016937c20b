package io.ossimport.emulator.store;

/** One uploaded part of a multipart upload. */
public final class PartMeta {
  private final int partNumber;
  private final long size;
  private final String etag;
  private final byte[] md5;
  private final long crc64;
  private final long lastModified;

  public PartMeta(
      int partNumber, long size, String etag, byte[] md5, long crc64, long lastModified) {
    this.partNumber = partNumber;
    this.size = size;
    this.etag = etag;
    this.md5 = md5.clone();
    this.crc64 = crc64;
    this.lastModified = lastModified;
  }

  public int partNumber() {
    return partNumber;
  }

  public long size() {
    return size;
  }

  /** Entity tag without quotes, as the dialect computed it. */
  public String etag() {
    return etag;
  }

  /** The binary MD5 of the part (multipart ETags are derived from these). */
  public byte[] md5() {
    return md5.clone();
  }

  public long crc64() {
    return crc64;
  }

  public long lastModified() {
    return lastModified;
  }
}
