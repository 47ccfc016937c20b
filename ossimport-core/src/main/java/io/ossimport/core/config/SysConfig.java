package io.ossimport.core.config;

import static io.ossimport.core.config.SysKeys.DISPATCHER_THREAD_NUM;
import static io.ossimport.core.config.SysKeys.JAVA_HEAP_MAX_SIZE;
import static io.ossimport.core.config.SysKeys.PRIVATE_KEY_FILE;
import static io.ossimport.core.config.SysKeys.SSH_PORT;
import static io.ossimport.core.config.SysKeys.WORKER_ABORT_WHEN_UNCATCHED_EXCEPTION;
import static io.ossimport.core.config.SysKeys.WORKER_MAX_TASK_THREAD_NUM;
import static io.ossimport.core.config.SysKeys.WORKER_MAX_THROUGHPUT;
import static io.ossimport.core.config.SysKeys.WORKER_PASSWORD;
import static io.ossimport.core.config.SysKeys.WORKER_RECORD_MD5;
import static io.ossimport.core.config.SysKeys.WORKER_TASK_THREAD_NUM;
import static io.ossimport.core.config.SysKeys.WORKER_THROUGHPUT_TIMETABLE;
import static io.ossimport.core.config.SysKeys.WORKER_USER_NAME;
import static io.ossimport.core.config.SysKeys.WORKING_DIR;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The effective, validated system configuration ({@code sys.properties}). Immutable; {@link
 * #toString()} and {@link #describe()} leave out the SSH password.
 */
public final class SysConfig {
  private final TypedValues values;

  SysConfig(SortedMap<String, Object> values) {
    this.values = new TypedValues(SysKeys.CATALOGUE, values);
  }

  /** The working directory as written (default {@code .}). */
  public String workingDir() {
    return values.text(WORKING_DIR);
  }

  /**
   * The working directory resolved against {@code base}, the directory the original's scripts run
   * from (the package directory); an absolute value stays as it is.
   */
  public Path workingDir(Path base) {
    return base.resolve(workingDir()).normalize();
  }

  public int workerTaskThreadNum() {
    return values.integer(WORKER_TASK_THREAD_NUM);
  }

  /**
   * The most object threads the worker may grow to on a slow link; {@link #workerTaskThreadNum()}
   * (no growth, the original's behaviour) when the key is empty.
   */
  public int workerMaxTaskThreadNum() {
    Object ceiling = values.get(WORKER_MAX_TASK_THREAD_NUM);
    return ceiling instanceof Long
        ? Math.max(workerTaskThreadNum(), Math.toIntExact((Long) ceiling))
        : workerTaskThreadNum();
  }

  /** Bandwidth cap per worker in KB/s; 0 = unlimited. */
  public long workerMaxThroughputKbPerSecond() {
    return values.number(WORKER_MAX_THROUGHPUT);
  }

  /** The bandwidth timetable; {@link ThroughputTimetable#NONE} when none is set. */
  public ThroughputTimetable workerThroughputTimetable() {
    return (ThroughputTimetable) values.get(WORKER_THROUGHPUT_TIMETABLE);
  }

  /**
   * The bandwidth cap in KB/s at {@code minuteOfDay} (0 to 1439, local time); 0 = unlimited: the
   * timetable's entry when one is set, else {@code workerMaxThroughput(KB/s)}.
   */
  public long throughputCapAt(int minuteOfDay) {
    ThroughputTimetable timetable = workerThroughputTimetable();
    return timetable.isEmpty()
        ? workerMaxThroughputKbPerSecond()
        : timetable.kilobytesPerSecondAt(minuteOfDay);
  }

  /** Where {@link #throughputCapAt} comes from at {@code minuteOfDay}, for messages. */
  public String throughputCapSourceAt(int minuteOfDay) {
    ThroughputTimetable timetable = workerThroughputTimetable();
    return timetable.isEmpty()
        ? WORKER_MAX_THROUGHPUT.name() + "=" + workerMaxThroughputKbPerSecond()
        : WORKER_THROUGHPUT_TIMETABLE.name() + " entry " + timetable.entryTextAt(minuteOfDay);
  }

  /**
   * The names of the keys whose value differs from {@code earlier}'s, in catalogue order, leaving
   * out {@code ignored} ones (what the service re-reads while it runs).
   */
  public List<String> keysChangedFrom(SysConfig earlier, List<ConfigKey> ignored) {
    List<String> changed = new ArrayList<String>();
    Map<String, Object> before = earlier.values.all();
    for (Map.Entry<String, Object> e : values.all().entrySet()) {
      boolean skip = false;
      for (ConfigKey key : ignored) {
        skip |= key.name().equals(e.getKey());
      }
      if (!skip && !Objects.equals(before.get(e.getKey()), e.getValue())) {
        changed.add(e.getKey());
      }
    }
    return changed;
  }

  public int dispatcherThreadNum() {
    return values.integer(DISPATCHER_THREAD_NUM);
  }

  public boolean workerAbortWhenUncatchedException() {
    return values.flag(WORKER_ABORT_WHEN_UNCATCHED_EXCEPTION);
  }

  public boolean workerRecordMd5() {
    return values.flag(WORKER_RECORD_MD5);
  }

  /** For {@code -Xmx}, as written: {@code 1024m}, {@code 4g}. */
  public String javaHeapMaxSize() {
    return values.text(JAVA_HEAP_MAX_SIZE);
  }

  /** Distributed mode only. */
  public String workerUserName() {
    return values.text(WORKER_USER_NAME);
  }

  /** Distributed mode only. */
  public Secret workerPassword() {
    return values.secret(WORKER_PASSWORD);
  }

  /** Distributed mode only. */
  public String privateKeyFile() {
    return values.text(PRIVATE_KEY_FILE);
  }

  /** Distributed mode only. */
  public int sshPort() {
    return values.integer(SSH_PORT);
  }

  /** The typed value of any system key. */
  public Object value(ConfigKey key) {
    return values.get(key);
  }

  /** {@code key=value} lines of every non-secret key, in catalogue order. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (ConfigKey key : SysKeys.CATALOGUE.keys()) {
      if (!key.isSecret()) {
        out.append(key.name()).append('=').append(values.get(key)).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SysConfig && ((SysConfig) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The non-secret values on one line. */
  @Override
  public String toString() {
    return "SysConfig" + values;
  }
}
