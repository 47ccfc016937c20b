package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.filter.PathFilter;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.source.ObjectStat;

/**
 * The rules that select which listed objects a job migrates: the relative path ({@code include},
 * {@code exclude}, {@code filter}), the size ({@code minSize}, {@code maxSize}) and the
 * modification time ({@code importSince}, {@code importUntil}). Every source kind lists every
 * object, so that each one left out is counted and listed as skipped by its rule; this class
 * decides, from the scan's size and time when the listing knew them (no request), else from the
 * source's stat.
 */
public final class SelectionRules {
  private SelectionRules() {}

  /**
   * The rule that leaves out an object of that destination key, size and mtime ({@code -1}:
   * unknown, not checked), or {@code null} when the job selects it: the decision {@link
   * #beforeStat} makes, for the operations that apply the job's selection without a task (dry run,
   * diff).
   */
  public static ReasonCode leavesOut(
      JobConfig config, PathFilter pathFilter, String key, long size, long mtimeMillis) {
    if (!pathFilter.includes(relativePath(config, key))) {
      return ReasonCode.EXCLUDED_BY_FILTER;
    }
    return bySizeAndTime(config, size, mtimeMillis);
  }

  /**
   * The rule that skips the object by what the TASK entry says, or {@code null}: the path always,
   * size and time where the scan knew them.
   */
  static ReasonCode beforeStat(TaskContext ctx, ObjectContext o) {
    return leavesOut(
        ctx.config(), ctx.job.pathFilter(), o.key(), o.entry.size(), o.entry.mtimeMillis());
  }

  /** The rule that skips the object by its stat, for what the scan did not know; or null. */
  static ReasonCode afterStat(TaskContext ctx, ObjectContext o, ObjectStat stat) {
    long size = o.entry.size() >= 0 ? -1 : stat.size();
    long mtime = o.entry.mtimeMillis() >= 0 ? -1 : stat.lastModifiedMillis();
    return bySizeAndTime(ctx.config(), size, mtime);
  }

  /** The rule that skips an object of that size and mtime ({@code -1}: unknown), or null. */
  public static ReasonCode bySizeAndTime(JobConfig config, long size, long mtimeMillis) {
    if (size >= 0) {
      if (size < config.minSize()) {
        return ReasonCode.SMALLER_THAN_MIN_SIZE;
      }
      if (config.maxSize() > 0 && size > config.maxSize()) {
        return ReasonCode.LARGER_THAN_MAX_SIZE;
      }
    }
    if (mtimeMillis >= 0) {
      if (config.importSince() > 0 && mtimeMillis < config.importSince() * 1000L) {
        return ReasonCode.OLDER_THAN_IMPORT_SINCE;
      }
      // importUntil is a whole second: a file modified during that second is still in
      if (config.importUntil() > 0 && mtimeMillis / 1000L > config.importUntil()) {
        return ReasonCode.NEWER_THAN_IMPORT_UNTIL;
      }
    }
    return null;
  }

  /** The key without {@code destPrefix}: the path relative to the source root. */
  static String relativePath(JobConfig config, String key) {
    String prefix = config.destPrefix();
    return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
  }
}
