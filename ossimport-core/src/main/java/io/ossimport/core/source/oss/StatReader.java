package io.ossimport.core.source.oss;

import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.source.ObjectStat;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a HeadObject answer says about a source object, as an {@link ObjectStat}. */
final class StatReader {
  private StatReader() {}

  static ObjectStat toStat(ObjectMetadata m) {
    Map<String, String> user = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : m.getUserMetadata().entrySet()) {
      user.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    return ObjectStat.of(m.getContentLength(), OssSource.wholeSeconds(m.getLastModified()))
        .withContentType(m.getContentType())
        .withHeaders(headers(m))
        .withStorageClass(storageClass(m))
        .withUserMetadata(user)
        .withCrc64(m.getServerCRC())
        .withMd5Hex(md5Hex(m.getContentMD5()));
  }

  /** The content headers of the answer (an OSS source keeps them as the destination would). */
  private static Map<String, String> headers(ObjectMetadata m) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String name :
        new String[] {
          "Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires"
        }) {
      Object v = m.getRawMetadata().get(name);
      h.put(name, v == null ? null : v.toString());
    }
    return h;
  }

  /** OSS to OSS: the class as it is; {@code null} when the answer has none. */
  private static String storageClass(ObjectMetadata m) {
    Object v = m.getRawMetadata().get("x-oss-storage-class");
    return v == null ? null : v.toString();
  }

  /**
   * The hex of a {@code Content-MD5} header (base64 of 16 bytes), or null. OSS sends it only for
   * objects whose MD5 it knows; the ETag is not used, since for a multipart or appended object it
   * is not an MD5.
   */
  static String md5Hex(String contentMd5) {
    if (contentMd5 == null || contentMd5.trim().isEmpty()) {
      return null;
    }
    byte[] md5;
    try {
      md5 = Base64.getDecoder().decode(contentMd5.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (md5.length != 16) {
      return null;
    }
    StringBuilder hex = new StringBuilder(32);
    for (byte b : md5) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
