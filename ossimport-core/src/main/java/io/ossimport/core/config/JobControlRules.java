package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.IMPORT_SINCE;
import static io.ossimport.core.config.JobKeys.INCREMENTAL_MODE_INTERVAL;
import static io.ossimport.core.config.JobKeys.IS_INCREMENTAL;
import static io.ossimport.core.config.JobKeys.IS_USE_EXPRESS_TUNNEL;
import static io.ossimport.core.config.JobKeys.LAST_MODIFY;

/**
 * Rules about what the job does and when: incremental mode, time filters, and the express tunnel
 * keys that are recognised but not supported.
 */
final class JobControlRules {
  /** The shortest rescan interval the original allowed (reference §2.2, §5.7). */
  static final long MIN_INTERVAL_SECONDS = 900;

  /** Below this the original's template warns of wasted list requests. */
  static final long RECOMMENDED_MIN_INTERVAL_SECONDS = 3600;

  /**
   * The largest Unix time in seconds we take at face value (year 5138). Anything larger is almost
   * certainly milliseconds, which would silently filter out every file.
   */
  static final long MAX_EPOCH_SECONDS = 99_999_999_999L;

  private JobControlRules() {}

  static void check(ConfigValues v) {
    checkIncrementalInterval(v);
    checkEpochSeconds(v, IMPORT_SINCE);
    checkEpochSeconds(v, LAST_MODIFY);
    checkExpressTunnel(v);
  }

  private static void checkIncrementalInterval(ConfigValues v) {
    if (!v.allValid(IS_INCREMENTAL, INCREMENTAL_MODE_INTERVAL) || !v.flag(IS_INCREMENTAL)) {
      return;
    }
    long interval = v.number(INCREMENTAL_MODE_INTERVAL);
    if (interval < MIN_INTERVAL_SECONDS) {
      v.problem(
          INCREMENTAL_MODE_INTERVAL,
          "must be at least "
              + MIN_INTERVAL_SECONDS
              + " seconds when isIncremental=true (each rescan lists the whole source)",
          "e.g. " + INCREMENTAL_MODE_INTERVAL.name() + "=" + RECOMMENDED_MIN_INTERVAL_SECONDS);
    } else if (interval < RECOMMENDED_MIN_INTERVAL_SECONDS) {
      v.warning(
          INCREMENTAL_MODE_INTERVAL,
          "rescans more often than hourly; each rescan lists the whole source and costs requests",
          "consider "
              + INCREMENTAL_MODE_INTERVAL.name()
              + "="
              + RECOMMENDED_MIN_INTERVAL_SECONDS
              + " or more");
    }
  }

  static void checkEpochSeconds(ConfigValues v, ConfigKey key) {
    if (!v.allValid(key)) {
      return;
    }
    long value = v.number(key);
    if (value > MAX_EPOCH_SECONDS) {
      v.problem(
          key,
          "looks like milliseconds; it must be a Unix time in seconds",
          "divide by 1000: " + key.name() + "=" + (value / 1000));
    }
  }

  private static void checkExpressTunnel(ConfigValues v) {
    if (v.allValid(IS_USE_EXPRESS_TUNNEL) && v.flag(IS_USE_EXPRESS_TUNNEL)) {
      v.problem(
          IS_USE_EXPRESS_TUNNEL,
          "migration through an Alibaba express tunnel is not supported by this version",
          "write " + IS_USE_EXPRESS_TUNNEL.name() + "=false and reach OSS directly");
    }
  }
}
