package io.ossimport.core.worker;

import io.ossimport.core.config.AuditMode;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.source.ObjectStat;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares one source object with its destination object as {@code auditMode} says, without sending
 * anything:
 *
 * <ul>
 *   <li>{@code simple}: the size;
 *   <li>{@code general}: the size, the destination not older than the source (Last-Modified has
 *       whole seconds, so the source's mtime is cut to its second; only when {@code compareTimes}),
 *       and the content type and user metadata wherever the source reports them;
 *   <li>{@code detailed}: the size, type and metadata as {@code general}, and the content: the
 *       CRC-64 against {@code x-oss-hash-crc64ecma}, else the MD5 against a plain-MD5 ETag. Times
 *       are not compared: equal bytes are the stronger proof.
 * </ul>
 *
 * <p>A checksum the source reports for free is used before one computed by reading the source, and
 * the source is read only when the size already matches.
 */
final class AuditCheck {
  /** Digests of the source's content, computed only when asked for. */
  interface Digests {
    Long crc64() throws ObjectFailedException, StoppedException, IOException;

    String md5Hex() throws ObjectFailedException, StoppedException, IOException;
  }

  private static final Pattern PLAIN_MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  private AuditCheck() {}

  /**
   * The first difference found, as a permanent failure naming it, or {@code null} if the object
   * passes.
   */
  static OssFailure compare(
      AuditMode mode, ObjectStat source, RemoteObject dest, boolean compareTimes, Digests digests)
      throws ObjectFailedException, StoppedException, IOException {
    if (dest == null) {
      return OssFailure.permanent(ReasonCode.MISSING, "not at the destination");
    }
    if (dest.size() != source.size()) {
      return OssFailure.permanent(
          ReasonCode.SIZE_NOT_MATCH,
          "the destination has " + dest.size() + " bytes, the source " + source.size());
    }
    if (mode == AuditMode.SIMPLE) {
      return null;
    }
    if (mode == AuditMode.GENERAL && compareTimes) {
      long sourceSecond = source.lastModifiedMillis() / 1000 * 1000;
      if (dest.lastModifiedMillis() < sourceSecond) {
        return OssFailure.permanent(
            ReasonCode.MTIME_NOT_MATCH,
            "the destination was last modified at "
                + dest.lastModifiedMillis()
                + " ms, before the source's "
                + source.lastModifiedMillis()
                + " ms");
      }
    }
    OssFailure headers = compareHeaders(source, dest);
    if (headers != null || mode == AuditMode.GENERAL) {
      return headers;
    }
    return compareContent(source, dest, digests);
  }

  private static OssFailure compareHeaders(ObjectStat source, RemoteObject dest) {
    String type = source.contentType();
    if (type != null && !sameType(type, dest.contentType())) {
      return OssFailure.permanent(
          ReasonCode.TYPE_NOT_MATCH,
          "the destination's content type is " + dest.contentType() + ", the source's " + type);
    }
    for (Map.Entry<String, String> e : source.userMetadata().entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      String there = dest.userMetadata().get(name);
      if (!e.getValue().equals(there)) {
        // Values may be personal data: name the entry, not what it holds.
        return OssFailure.permanent(
            ReasonCode.META_NOT_MATCH,
            there == null
                ? "user metadata " + name + " is missing at the destination"
                : "user metadata " + name + " differs from the source's");
      }
    }
    return null;
  }

  private static OssFailure compareContent(ObjectStat source, RemoteObject dest, Digests digests)
      throws ObjectFailedException, StoppedException, IOException {
    boolean md5Etag = dest.etag() != null && PLAIN_MD5.matcher(dest.etag()).matches();
    boolean crcFree = source.crc64() != null && dest.crc64() != null;
    boolean md5Free = source.md5Hex() != null && md5Etag;
    if (dest.crc64() != null && (crcFree || !md5Free)) {
      Long crc = crcFree ? source.crc64() : digests.crc64();
      if (!dest.crc64().equals(crc)) {
        return OssFailure.permanent(
            ReasonCode.CRC_NOT_MATCH,
            "the destination's CRC-64 is "
                + Long.toUnsignedString(dest.crc64())
                + ", the source's "
                + (crc == null ? "-" : Long.toUnsignedString(crc)));
      }
      return null;
    }
    if (md5Etag) {
      String md5 = md5Free ? source.md5Hex() : digests.md5Hex();
      if (!dest.etag().equalsIgnoreCase(md5)) {
        return OssFailure.permanent(
            ReasonCode.MD5_NOT_MATCH,
            "the destination's ETag is " + dest.etag() + ", the source's MD5 " + md5);
      }
      return null;
    }
    return OssFailure.permanent(
        ReasonCode.NOT_VERIFIABLE,
        "the destination reports neither a CRC-64 nor a plain-MD5 ETag (ETag "
            + dest.etag()
            + "); use auditMode=general or compare by hand");
  }

  /** Content types compare case-insensitively, parameters and blanks included. */
  private static boolean sameType(String source, String dest) {
    return dest != null
        && source.trim().replace(" ", "").equalsIgnoreCase(dest.trim().replace(" ", ""));
  }
}
