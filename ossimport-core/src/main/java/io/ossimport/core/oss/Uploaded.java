package io.ossimport.core.oss;

/**
 * The result of a PUT, a part or a Complete: the ETag, the CRC-64 that was verified, and whether
 * the answer itself proves what OSS stored.
 */
public final class Uploaded {
  private final String etag;
  private final Long crc64;
  private final boolean confirmed;

  /** An answer that proves nothing by itself (a copy, or an answer without a CRC-64). */
  public Uploaded(String etag, Long crc64) {
    this(etag, crc64, false);
  }

  private Uploaded(String etag, Long crc64, boolean confirmed) {
    this.etag = etag;
    this.crc64 = crc64;
    this.confirmed = confirmed;
  }

  /**
   * The answer to bytes this process sent: confirmed when the CRC-64 the SDK computed over the
   * bytes it sent equals the one OSS computed over the bytes it stored (the SDK refuses an answer
   * where they differ, so two present values are equal).
   */
  public static Uploaded checked(String etag, Long clientCrc, Long serverCrc) {
    boolean confirmed = clientCrc != null && clientCrc.equals(serverCrc);
    return new Uploaded(etag, clientCrc != null ? clientCrc : serverCrc, confirmed);
  }

  /** The ETag without quotes. */
  public String etag() {
    return etag;
  }

  /** The CRC-64/ECMA of the bytes sent (equal to OSS's when OSS reported one), or null. */
  public Long crc64() {
    return crc64;
  }

  /**
   * True when OSS's answer (or a check already made) proves that the destination held exactly the
   * bytes read from the source when the request ended, so no HEAD is needed to verify it.
   */
  public boolean confirmed() {
    return confirmed;
  }
}
