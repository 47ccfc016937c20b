package io.ossimport.core.source.s3;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;

/**
 * The listing checkpoint: the last consumed key, percent-encoded so that any key (spaces, line
 * feeds, non-ASCII) stays one printable line. An empty key means nothing was consumed.
 */
final class S3Checkpoint {
  private static final String TAG = "s3-after:";

  private S3Checkpoint() {}

  static String write(String lastKey) {
    try {
      return TAG + (lastKey == null ? "" : URLEncoder.encode(lastKey, "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  /**
   * The last consumed key, or {@code null} to start from the first key.
   *
   * @throws IllegalArgumentException if the text is not a checkpoint of a listing under {@code
   *     keyPrefix}
   */
  static String read(String checkpoint, String keyPrefix) {
    if (checkpoint == null || checkpoint.isEmpty()) {
      return null;
    }
    if (!checkpoint.startsWith(TAG)) {
      throw new IllegalArgumentException(
          "not a checkpoint of an S3-compatible listing: " + abbreviate(checkpoint));
    }
    String key;
    try {
      key = URLDecoder.decode(checkpoint.substring(TAG.length()), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
    if (key.isEmpty()) {
      return null;
    }
    if (!key.startsWith(keyPrefix)) {
      throw new IllegalArgumentException(
          "the checkpoint's key "
              + abbreviate(key)
              + " is not under the listed prefix '"
              + keyPrefix
              + "'; it belongs to a job with another srcPrefix");
    }
    return key;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
