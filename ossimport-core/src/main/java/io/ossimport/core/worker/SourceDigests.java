package io.ossimport.core.worker;

import com.aliyun.oss.common.utils.CRC64;
import io.ossimport.core.accounting.ThroughputLimiter;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.Checksum;

/**
 * Digests of a whole source object read once through a {@link SourceBody} (so a change while it is
 * read fails the same way an upload does): the CRC-64 to check an object a crashed run may have
 * finished, and the MD5 for {@code workerRecordMd5}.
 */
final class SourceDigests {
  private SourceDigests() {}

  /** The CRC-64/ECMA of the object, as OSS computes it. */
  static long crc64(Source source, String reference, ObjectStat stat) throws IOException {
    CRC64 crc = new CRC64();
    feed(source, reference, stat, crc, null);
    return crc.getValue();
  }

  /** The MD5 of the object as 32 lower-case hex digits. */
  static String md5Hex(Source source, String reference, ObjectStat stat) throws IOException {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
    feed(source, reference, stat, null, md5);
    StringBuilder hex = new StringBuilder(32);
    for (byte b : md5.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  private static void feed(
      Source source, String reference, ObjectStat stat, Checksum checksum, MessageDigest digest)
      throws IOException {
    byte[] buf = new byte[64 * 1024];
    // Local reads for a check are not upload traffic: no throttle.
    try (InputStream in =
        new SourceBody(source, reference, 0, stat.size(), stat, ThroughputLimiter.UNLIMITED)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (checksum != null) {
          checksum.update(buf, 0, n);
        }
        if (digest != null) {
          digest.update(buf, 0, n);
        }
      }
    }
  }
}
