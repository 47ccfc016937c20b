package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.UrlCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object tag rules of the OSS documentation (PutObjectTagging usage notes; error pages
 * 0010-00000209, 0010-00000214, 0010-00000217, 0010-00000219): at most 10 tags with unique keys, a
 * key of 1 to 128 characters, a value of at most 256, only letters, digits, space and {@code + - =
 * . _ : /}; the {@code x-oss-tagging} header is {@code key1=value1&key2=value2} with keys and
 * values URL-encoded.
 */
final class OssTags {
  static final int MAX_TAGS = 10;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;

  private OssTags() {}

  /** The tags of an {@code x-oss-tagging} header; InvalidArgument / InvalidTag if malformed. */
  static Map<String, String> fromHeader(String header) throws OssError {
    Map<String, String> tags = new LinkedHashMap<String, String>();
    if (header.isEmpty()) {
      return tags;
    }
    for (String pair : header.split("&", -1)) {
      String[] kv = pair.split("=", -1);
      if (kv.length > 2 || kv[0].isEmpty()) {
        throw OssError.invalidArgument(
            "The tag format is not key or key=value.", "x-oss-tagging", header);
      }
      String key = UrlCodec.decodeQuery(kv[0]);
      String value = kv.length == 2 ? UrlCodec.decodeQuery(kv[1]) : "";
      if (tags.put(key, value) != null) {
        throw invalidTag("Duplicate tag key: " + key);
      }
    }
    check(tags);
    return tags;
  }

  /** InvalidTag unless the tags keep the documented limits. */
  static void check(Map<String, String> tags) throws OssError {
    if (tags.size() > MAX_TAGS) {
      throw invalidTag("An object can have at most " + MAX_TAGS + " tags.");
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (t.getKey().isEmpty() || t.getKey().length() > MAX_KEY) {
        throw invalidTag("The tag key must be 1 to " + MAX_KEY + " characters.");
      }
      if (t.getValue().length() > MAX_VALUE) {
        throw invalidTag("The tag value must be at most " + MAX_VALUE + " characters.");
      }
      if (!allowed(t.getKey()) || !allowed(t.getValue())) {
        throw invalidTag("The tag contains characters that are not allowed.");
      }
    }
  }

  private static boolean allowed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || " +-=._:/".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static OssError invalidTag(String message) {
    return new OssError(400, "InvalidTag", message);
  }
}
