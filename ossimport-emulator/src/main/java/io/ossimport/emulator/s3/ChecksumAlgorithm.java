package io.ossimport.emulator.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The flexible checksums of S3 ({@code x-amz-checksum-*}): the header each travels in and a running
 * digest producing the big-endian bytes whose base64 is the header value.
 */
enum ChecksumAlgorithm {
  CRC32("x-amz-checksum-crc32"),
  CRC32C("x-amz-checksum-crc32c"),
  CRC64NVME("x-amz-checksum-crc64nvme"),
  SHA1("x-amz-checksum-sha1"),
  SHA256("x-amz-checksum-sha256");

  private final String headerName;

  ChecksumAlgorithm(String headerName) {
    this.headerName = headerName;
  }

  /** The lower-case header (or trailer) name carrying this checksum. */
  String headerName() {
    return headerName;
  }

  /** The algorithm carried in a header or trailer named {@code name}, or null. */
  static ChecksumAlgorithm byHeaderName(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (ChecksumAlgorithm algorithm : values()) {
      if (algorithm.headerName.equals(lower)) {
        return algorithm;
      }
    }
    return null;
  }

  /** A running digest; {@link Digest#base64()} ends it. */
  Digest newDigest() {
    switch (this) {
      case CRC32:
        return new Crc32Digest();
      case CRC32C:
        return new CrcDigest(Crc.CRC32C);
      case CRC64NVME:
        return new CrcDigest(Crc.CRC64NVME);
      case SHA1:
        return new MessageDigestDigest("SHA-1");
      default:
        return new MessageDigestDigest("SHA-256");
    }
  }

  /** A checksum being computed over a stream of bytes. */
  interface Digest {
    void update(byte[] bytes, int offset, int length);

    /** The final value, base64 of the big-endian checksum bytes. */
    String base64();
  }

  private static final class Crc32Digest implements Digest {
    private final CRC32 crc = new CRC32();

    @Override
    public void update(byte[] bytes, int offset, int length) {
      crc.update(bytes, offset, length);
    }

    @Override
    public String base64() {
      return Base64.getEncoder().encodeToString(Crc.bigEndian(crc.getValue(), 4));
    }
  }

  private static final class CrcDigest implements Digest {
    private final Crc crc;
    private long state;

    CrcDigest(Crc crc) {
      this.crc = crc;
      this.state = crc.initial();
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      state = crc.update(state, bytes, offset, length);
    }

    @Override
    public String base64() {
      return Base64.getEncoder().encodeToString(crc.finish(state));
    }
  }

  private static final class MessageDigestDigest implements Digest {
    private final MessageDigest digest;

    MessageDigestDigest(String name) {
      try {
        digest = MessageDigest.getInstance(name);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JRE has " + name, e);
      }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      digest.update(bytes, offset, length);
    }

    @Override
    public String base64() {
      return Base64.getEncoder().encodeToString(digest.digest());
    }
  }
}
