package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.EXCLUDE;
import static io.ossimport.core.config.JobKeys.FILTER;
import static io.ossimport.core.config.JobKeys.IMPORT_SINCE;
import static io.ossimport.core.config.JobKeys.IMPORT_UNTIL;
import static io.ossimport.core.config.JobKeys.INCLUDE;
import static io.ossimport.core.config.JobKeys.MAX_SIZE;
import static io.ossimport.core.config.JobKeys.MIN_SIZE;

import io.ossimport.core.filter.PathFilter;

/**
 * Rules of the filter keys: every pattern and rule compiles, the size bounds and the time window
 * are not empty. A filter that leaves nothing to migrate would make a job that "succeeds" with
 * every object skipped, so an impossible window is a problem, not a warning.
 */
final class FilterRules {
  private FilterRules() {}

  static void check(ConfigValues v) {
    checkPatterns(v, INCLUDE, PathFilter.problemOfPatterns(v.text(INCLUDE)));
    checkPatterns(v, EXCLUDE, PathFilter.problemOfPatterns(v.text(EXCLUDE)));
    checkPatterns(v, FILTER, PathFilter.problemOfRules(v.text(FILTER)));
    if (v.isSet(INCLUDE) && v.isSet(EXCLUDE) && v.allValid(INCLUDE, EXCLUDE)) {
      v.warning(
          EXCLUDE,
          "is set together with include: every include pattern is tried before every exclude"
              + " pattern, which is rarely what is meant",
          "write the rules in the order you mean in "
              + FILTER.name()
              + ", e.g. "
              + FILTER.name()
              + "=- *.tmp; + *.jpg; - **");
    }
    checkSizes(v);
    JobControlRules.checkEpochSeconds(v, IMPORT_UNTIL);
    checkWindow(v);
  }

  private static void checkPatterns(ConfigValues v, ConfigKey key, String problem) {
    if (problem != null) {
      v.problem(
          key,
          problem,
          "see the pattern syntax of "
              + key.name()
              + " in docs/CONFIGURATION.md (rclone's globs: *, **, ?, [...], {a,b})");
    }
  }

  private static void checkSizes(ConfigValues v) {
    if (!v.allValid(MIN_SIZE, MAX_SIZE)) {
      return;
    }
    long min = v.size(MIN_SIZE).bytes();
    long max = v.size(MAX_SIZE).bytes();
    if (max > 0 && min > max) {
      v.problem(
          MAX_SIZE,
          "is smaller than " + MIN_SIZE.name() + " (" + v.size(MIN_SIZE) + "): nothing would match",
          "raise " + MAX_SIZE.name() + ", lower " + MIN_SIZE.name() + ", or write 0 for no bound");
    }
  }

  private static void checkWindow(ConfigValues v) {
    if (!v.allValid(IMPORT_SINCE, IMPORT_UNTIL)) {
      return;
    }
    long since = v.number(IMPORT_SINCE);
    long until = v.number(IMPORT_UNTIL);
    if (until > 0 && since > 0 && until < since) {
      v.problem(
          IMPORT_UNTIL,
          "is before " + IMPORT_SINCE.name() + " (" + since + "): nothing would match",
          "give a time after " + IMPORT_SINCE.name() + ", or 0 for no upper bound");
    }
  }
}
