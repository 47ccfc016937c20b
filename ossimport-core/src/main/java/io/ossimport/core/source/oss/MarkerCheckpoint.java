package io.ossimport.core.source.oss;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;

/**
 * The checkpoint of an {@link OssListing}: the key of the last object consumed, which is exactly
 * the ListObjects {@code marker} that resumes after it (OSS lists keys in UTF-8 byte order and
 * returns only keys after the marker). Written as {@code key:} and the URL-encoded key, so that any
 * key is one printable line.
 */
final class MarkerCheckpoint {
  private static final String TAG = "key:";

  private MarkerCheckpoint() {}

  /** The checkpoint for {@code lastConsumedKey}; empty when nothing was consumed yet. */
  static String write(String lastConsumedKey) {
    if (lastConsumedKey == null) {
      return "";
    }
    try {
      return TAG + URLEncoder.encode(lastConsumedKey, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("the JVM has no UTF-8", e);
    }
  }

  /**
   * The marker a checkpoint resumes after, or null to start from the first key.
   *
   * @throws IllegalArgumentException if it is not such a checkpoint, or its key is not under {@code
   *     prefix} (a checkpoint of other settings)
   */
  static String read(String checkpoint, String prefix) {
    if (checkpoint == null || checkpoint.isEmpty()) {
      return null;
    }
    if (!checkpoint.startsWith(TAG)) {
      throw new IllegalArgumentException(
          "not a checkpoint of an OSS listing (it should start with '" + TAG + "')");
    }
    String key;
    try {
      key = URLDecoder.decode(checkpoint.substring(TAG.length()), "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the checkpoint of an OSS listing is malformed", e);
    }
    if (!key.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "the checkpoint's last key does not start with srcPrefix '"
              + prefix
              + "': it belongs to other settings");
    }
    return key;
  }
}
