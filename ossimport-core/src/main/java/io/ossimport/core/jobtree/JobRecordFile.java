package io.ossimport.core.jobtree;

import io.ossimport.core.api.JobState;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code JOB} file format, version 1: {@code key=value} lines, rewritten atomically.
 *
 * <pre>
 * format=1
 * name=local_test
 * state=Running
 * scanFinished=false
 * round=0
 * configDigest=sha256:9f86d0...
 * objectsTotal=42
 * ... (bytesTotal, objectsDone, bytesDone, objectsFailed, bytesFailed, objectsSkipped, bytesSkipped)
 * submitTime=2024-05-01T08:00:00Z
 * startTime=2024-05-01T08:00:05Z
 * finishTime=
 * countLedger=
 * roundStartTime=2024-05-01T08:00:05Z      (incremental jobs only, see {@link RoundSchedule})
 * roundModifiedSince=
 * nextRoundTime=2024-05-02T08:00:05Z
 * abortReason=the destination failed ...  (Abort only: the cause, one line)
 * </pre>
 *
 * <p>Lines starting with {@code #} are comments; unknown keys are ignored so a newer minor addition
 * does not break an older reader; a newer {@code format} is refused.
 */
final class JobRecordFile {
  static final int FORMAT_VERSION = 1;

  private JobRecordFile() {}

  static void write(Path file, JobRecord record) throws IOException {
    AtomicFiles.writeUtf8(file, format(record));
  }

  static String format(JobRecord r) {
    StringBuilder b = new StringBuilder(512);
    b.append("# ossimport job record; the service rewrites it, do not edit while it runs\n");
    b.append("format=").append(FORMAT_VERSION).append('\n');
    b.append("name=").append(r.name()).append('\n');
    b.append("state=").append(r.state().name()).append('\n');
    b.append("scanFinished=").append(r.scanFinished()).append('\n');
    b.append("round=").append(r.round()).append('\n');
    b.append("configDigest=").append(r.configDigest()).append('\n');
    for (int i = 0; i < JobCounters.KEYS.length; i++) {
      b.append(JobCounters.KEYS[i]).append('=').append(r.counters().get(i)).append('\n');
    }
    b.append("submitTime=").append(r.submitTime()).append('\n');
    b.append("startTime=").append(r.startTime() == null ? "" : r.startTime()).append('\n');
    b.append("finishTime=").append(r.finishTime() == null ? "" : r.finishTime()).append('\n');
    b.append("countLedger=").append(r.countLedger()).append('\n');
    RoundSchedule s = r.schedule();
    if (s != null) {
      b.append("roundStartTime=").append(s.started()).append('\n');
      b.append("roundModifiedSince=").append(orEmpty(s.modifiedSince())).append('\n');
      b.append("nextRoundTime=").append(orEmpty(s.nextRound())).append('\n');
    }
    if (!r.abortReason().isEmpty()) {
      b.append("abortReason=").append(r.abortReason()).append('\n');
    }
    return b.toString();
  }

  static JobRecord read(Path file) throws IOException {
    Map<String, String> values = new HashMap<>();
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try (LineReader lines = new LineReader(in, file)) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
          throw lines.corrupt("expected key=value, found '" + line + "'");
        }
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return parse(file, values);
  }

  private static JobRecord parse(Path file, Map<String, String> v) throws CorruptFileException {
    String format = required(file, v, "format");
    if (!format.equals(Integer.toString(FORMAT_VERSION))) {
      throw new CorruptFileException(
          file,
          0,
          "JOB format "
              + format
              + " is not supported (this ossimport reads format "
              + FORMAT_VERSION
              + "); use the ossimport version that wrote it");
    }
    try {
      JobState state = stateOf(required(file, v, "state"));
      if (state == null) {
        throw new IllegalArgumentException(
            "state '" + v.get("state") + "' is not Running, Succeed, Failed or Abort");
      }
      long[] counters = new long[JobCounters.KEYS.length];
      for (int i = 0; i < counters.length; i++) {
        counters[i] = Long.parseLong(required(file, v, JobCounters.KEYS[i]));
      }
      return new JobRecord(
          required(file, v, "name"),
          state,
          parseBoolean(required(file, v, "scanFinished")),
          Integer.parseInt(required(file, v, "round")),
          required(file, v, "configDigest"),
          JobCounters.of(counters),
          Instant.parse(required(file, v, "submitTime")),
          optionalTime(v.get("startTime")),
          optionalTime(v.get("finishTime")),
          v.get("countLedger"),
          schedule(v),
          v.get("abortReason"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new CorruptFileException(file, 0, e.getMessage(), e);
    }
  }

  private static String required(Path file, Map<String, String> v, String key)
      throws CorruptFileException {
    String value = v.get(key);
    if (value == null) {
      throw new CorruptFileException(file, 0, "the key '" + key + "' is missing");
    }
    return value;
  }

  /** The state spelled exactly as {@code stat} prints it, or {@code null}. */
  private static JobState stateOf(String text) {
    for (JobState s : JobState.values()) {
      if (s.name().equals(text)) {
        return s;
      }
    }
    return null;
  }

  private static boolean parseBoolean(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("scanFinished '" + text + "' is not true or false");
  }

  /** The incremental keys, absent in the JOB of a job that is not incremental. */
  private static RoundSchedule schedule(Map<String, String> v) {
    Instant started = optionalTime(v.get("roundStartTime"));
    return started == null
        ? null
        : new RoundSchedule(
            started,
            optionalTime(v.get("roundModifiedSince")),
            optionalTime(v.get("nextRoundTime")));
  }

  private static String orEmpty(Instant time) {
    return time == null ? "" : time.toString();
  }

  private static Instant optionalTime(String text) {
    return text == null || text.isEmpty() ? null : Instant.parse(text);
  }
}
