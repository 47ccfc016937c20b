package io.ossimport.core.worker;

import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.SourceFailureException;
import io.ossimport.core.oss.Uploaded;
import io.ossimport.core.source.ObjectStat;

/**
 * The end-to-end check for sources that know their CRC-64 (an OSS bucket): what arrived must have
 * the CRC-64 the source reported when the object started. The SDK already checks every request
 * against the bytes it sent; this catches what it cannot see, a download that went wrong or a copy
 * done by OSS itself.
 */
final class SourceCrc {
  private SourceCrc() {}

  /**
   * Returns {@code uploaded} if the CRC-64s agree or one is unknown.
   *
   * @throws SourceFailureException {@code CRC_NOT_MATCH}, retryable, if they differ
   */
  static Uploaded verify(ObjectStat stat, Uploaded uploaded) throws SourceFailureException {
    Long expected = stat.crc64();
    Long actual = uploaded.crc64();
    if (expected != null && actual != null && !expected.equals(actual)) {
      throw new SourceFailureException(
          ReasonCode.CRC_NOT_MATCH,
          true,
          "the destination's CRC-64 "
              + Long.toUnsignedString(actual)
              + " differs from the source's "
              + Long.toUnsignedString(expected));
    }
    return uploaded;
  }
}
