package io.ossimport.emulator.s3;

import io.ossimport.emulator.store.PartMeta;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * ETags across dialects. The store keeps one form for every object, whichever dialect wrote it: the
 * MD5 in upper-case hex as OSS shows it, or for multipart objects the MD5 of the parts' MD5s with
 * {@code -N} (the algorithm S3 and OSS share). S3 presents it quoted in lower case.
 */
final class S3ETags {
  private S3ETags() {}

  /** The stored form of a single-part object's MD5. */
  static String stored(byte[] md5) {
    return SigV4Crypto.hex(md5).toUpperCase(Locale.ROOT);
  }

  /** The stored form of a multipart object assembled from {@code parts}, in order. */
  static String storedMultipart(List<PartMeta> parts) {
    MessageDigest md5 = md5();
    for (PartMeta part : parts) {
      md5.update(part.md5());
    }
    return stored(md5.digest()) + "-" + parts.size();
  }

  /** The ETag header or element value S3 shows: quoted, lower case. */
  static String present(String stored) {
    return '"' + stored.toLowerCase(Locale.ROOT) + '"';
  }

  /** Whether an ETag a client sent (quoted or not, any case) names the stored one. */
  static boolean matches(String fromClient, String stored) {
    String bare = fromClient.trim();
    if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return bare.equalsIgnoreCase(stored);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has MD5", e);
    }
  }
}
