package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.MULTIPART_UPLOAD_PART_SIZE;
import static io.ossimport.core.config.JobKeys.MULTIPART_UPLOAD_THRESHOLD;

/**
 * Rules between the upload keys. Each key's own range (part size 100k to 5g, threshold 1m to 5g,
 * thread counts at least 1, task limits) is in the catalogue; this class holds what involves two
 * keys.
 */
final class TransferRules {
  private TransferRules() {}

  static void check(ConfigValues v) {
    checkThresholdNotBelowPartSize(v);
  }

  /**
   * A threshold below the part size makes files between the two a multipart upload of a single
   * part: slower than one PUT for no gain. The original's Azure sample swaps the two values, which
   * is how users end up here.
   */
  private static void checkThresholdNotBelowPartSize(ConfigValues v) {
    if (!v.allValid(MULTIPART_UPLOAD_THRESHOLD, MULTIPART_UPLOAD_PART_SIZE)) {
      return;
    }
    if (v.isAuto(MULTIPART_UPLOAD_PART_SIZE)) {
      return; // auto parts are never larger than a file that is sent in parts
    }
    SizeValue threshold = v.size(MULTIPART_UPLOAD_THRESHOLD);
    SizeValue partSize = v.size(MULTIPART_UPLOAD_PART_SIZE);
    if (threshold.compareTo(partSize) < 0) {
      v.problem(
          MULTIPART_UPLOAD_THRESHOLD,
          "must not be smaller than " + MULTIPART_UPLOAD_PART_SIZE.name() + " (" + partSize + ")",
          "raise it or lower the part size, e.g. "
              + MULTIPART_UPLOAD_THRESHOLD.name()
              + "="
              + MULTIPART_UPLOAD_THRESHOLD.defaultValue()
              + " and "
              + MULTIPART_UPLOAD_PART_SIZE.name()
              + "="
              + MULTIPART_UPLOAD_PART_SIZE.defaultValue());
    }
  }
}
