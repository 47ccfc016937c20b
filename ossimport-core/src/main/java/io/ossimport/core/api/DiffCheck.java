package io.ossimport.core.api;

/** What {@link OssImport#diff} compares of an object that both sides hold. */
public enum DiffCheck {
  /**
   * Size, and the destination's Last-Modified not older than the source's mtime (the skip check's
   * rule): from the two listings alone, no request per object.
   */
  SIZE_AND_MTIME,

  /**
   * As {@link #SIZE_AND_MTIME}, and the CRC-64 where both sides know it (an OSS source): one HEAD
   * at the destination and one stat at the source per object that passes the other checks, as
   * {@code rclone check --checksum}; ListObjects does not return CRC-64.
   */
  CHECKSUM
}
