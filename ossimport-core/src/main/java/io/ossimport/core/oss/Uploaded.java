package io.ossimport.core.oss;

/** The result of a PUT, a part or a Complete: the ETag and the CRC-64 that was verified. */
public final class Uploaded {
  private final String etag;
  private final Long crc64;

  public Uploaded(String etag, Long crc64) {
    this.etag = etag;
    this.crc64 = crc64;
  }

  /** The ETag without quotes. */
  public String etag() {
    return etag;
  }

  /** The CRC-64/ECMA of the bytes sent (equal to OSS's when OSS reported one), or null. */
  public Long crc64() {
    return crc64;
  }
}
