package io.ossimport.core.service;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.config.ConfigKey;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysKeys;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.worker.Worker;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the worker's bandwidth cap at what the system settings say now, without a restart.
 *
 * <p>Each {@link #check} reads {@code sys.properties} again when its content changed: a valid
 * file's {@code workerMaxThroughput(KB/s)} and {@code workerThroughputTimetable} take effect at
 * once; other changed keys wait for the next start, with a warning that says so; an invalid file is
 * reported once and the settings stay as they were (a half-edited file must not lift or drop the
 * cap). Then it follows the timetable as the clock moves. Every change of the cap is logged with
 * where it came from.
 */
final class ThroughputControl {
  /** How often the control thread calls {@link #check}: a change takes effect within this. */
  static final long CHECK_MILLIS = 1000;

  private static final List<ConfigKey> LIVE_KEYS =
      Arrays.asList(SysKeys.WORKER_MAX_THROUGHPUT, SysKeys.WORKER_THROUGHPUT_TIMETABLE);

  private final SysSource source;
  private final Worker worker;
  private final ImportListener events;
  private final Clock clock;
  private final SysConfig startedWith;
  private SysConfig current;
  private byte[] lastBytes;
  private String lastProblem;
  private long appliedCap = -1;

  ThroughputControl(
      SysConfig startedWith, SysSource source, Worker worker, ImportListener events, Clock clock) {
    this.startedWith = startedWith;
    this.current = startedWith;
    this.source = source;
    this.worker = worker;
    this.events = events;
    this.clock = clock;
    this.lastBytes = readQuietly();
  }

  /** Re-reads the settings if they changed and applies the cap that holds now. */
  void check() {
    reread();
    LocalTime now = LocalTime.now(clock);
    int minute = now.getHour() * 60 + now.getMinute();
    long cap = current.throughputCapAt(minute);
    if (cap != appliedCap) {
      boolean first = appliedCap < 0;
      worker.setThroughputCap(cap);
      appliedCap = cap;
      if (!first || cap != startedWith.workerMaxThroughputKbPerSecond()) {
        log(
            ImportEvent.Level.INFO,
            "bandwidth cap now "
                + (cap == 0 ? "unlimited" : cap + " KB/s")
                + " ("
                + current.throughputCapSourceAt(minute)
                + ")");
      }
    }
  }

  private void reread() {
    if (!source.hasFile()) {
      return;
    }
    byte[] bytes;
    try {
      bytes = source.fileBytes();
    } catch (IOException e) {
      problem("cannot read " + source.fileName() + " (" + e + "); the service keeps its settings");
      return;
    }
    if (Arrays.equals(bytes, lastBytes)) {
      return;
    }
    try {
      LoadedConfig<SysConfig> loaded = source.load();
      lastBytes = bytes;
      lastProblem = null;
      for (ConfigWarning w : loaded.warnings()) {
        log(ImportEvent.Level.WARN, w.toString());
      }
      List<String> waiting = loaded.config().keysChangedFrom(startedWith, LIVE_KEYS);
      if (!waiting.isEmpty()) {
        log(
            ImportEvent.Level.WARN,
            source.fileName()
                + ": "
                + String.join(", ", waiting)
                + (waiting.size() == 1 ? " changed; it takes" : " changed; they take")
                + " effect when the service starts again (only "
                + SysKeys.WORKER_MAX_THROUGHPUT.name()
                + " and "
                + SysKeys.WORKER_THROUGHPUT_TIMETABLE.name()
                + " apply while it runs)");
      }
      current = loaded.config();
    } catch (ConfigurationException e) {
      lastBytes = bytes; // reported once; the next edit is read again
      problem(
          source.fileName()
              + " changed but is not valid, so the service keeps its settings: "
              + e.getMessage());
    }
  }

  private void problem(String message) {
    if (!message.equals(lastProblem)) {
      lastProblem = message;
      log(ImportEvent.Level.WARN, message);
    }
  }

  private byte[] readQuietly() {
    try {
      return source.fileBytes();
    } catch (IOException e) {
      return null;
    }
  }

  private void log(ImportEvent.Level level, String message) {
    Events.log(events, level, null, message);
  }
}
