package io.ossimport.core.jobtree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's id, {@code <32 upper-case hex of the MD5 of the TASK file>_<epoch millis>}, e.g. {@code
 * A41506C07BF1DF2A3EDB4CE31756B93F_1499744514501}. In the final states the task's directory is
 * {@code <id>@<worker>}.
 */
public final class TaskId implements Comparable<TaskId> {
  private static final Pattern ID = Pattern.compile("([0-9A-F]{32})_([0-9]{1,18})");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String contentHash;
  private final long millis;

  private TaskId(String contentHash, long millis) {
    this.contentHash = contentHash;
    this.millis = millis;
  }

  /** The id of a TASK file whose MD5 is {@code md5}, created at {@code millis}. */
  public static TaskId of(byte[] md5, long millis) {
    if (md5.length != 16 || millis < 0) {
      throw new IllegalArgumentException("a task id needs a 16-byte MD5 and a non-negative time");
    }
    char[] hex = new char[32];
    for (int i = 0; i < 16; i++) {
      hex[2 * i] = HEX[(md5[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[md5[i] & 0xF];
    }
    return new TaskId(new String(hex), millis);
  }

  /**
   * Parses {@code <hex>_<millis>}.
   *
   * @throws IllegalArgumentException naming the text if it is not a task id
   */
  public static TaskId parse(String text) {
    TaskId id = tryParse(text);
    if (id == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a task id (32 upper-case hex digits, '_', epoch millis)");
    }
    return id;
  }

  /** Parses {@code <hex>_<millis>}, or returns {@code null}. */
  public static TaskId tryParse(String text) {
    Matcher m = ID.matcher(text);
    return m.matches() ? new TaskId(m.group(1), Long.parseLong(m.group(2))) : null;
  }

  /** The upper-case hex MD5 of the TASK content. */
  public String contentHash() {
    return contentHash;
  }

  /** The epoch millis at which the task was created. */
  public long millis() {
    return millis;
  }

  /** The same content hash a millisecond later, to step around an id that is taken. */
  TaskId nextMillis() {
    return new TaskId(contentHash, millis + 1);
  }

  /** The directory name of this task in the final states: {@code <id>@<worker>}. */
  public String finalDirName(String worker) {
    return this + "@" + worker;
  }

  @Override
  public int compareTo(TaskId other) {
    int byTime = Long.compare(millis, other.millis);
    return byTime != 0 ? byTime : contentHash.compareTo(other.contentHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskId
        && ((TaskId) o).millis == millis
        && ((TaskId) o).contentHash.equals(contentHash);
  }

  @Override
  public int hashCode() {
    return contentHash.hashCode() * 31 + Long.hashCode(millis);
  }

  @Override
  public String toString() {
    return contentHash + "_" + millis;
  }
}
