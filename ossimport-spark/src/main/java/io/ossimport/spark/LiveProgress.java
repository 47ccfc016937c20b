package io.ossimport.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.util.AccumulatorV2;

/**
 * What an executor has done so far of a running task, as the driver writes it into the task's
 * worker files: a progress log with one line per entry the worker has begun, done or failed (the
 * format the standalone worker writes; DONE lines without their CRC-64 and ETag, which only the
 * final report carries), the multipart records of the objects in flight, and the bytes the worker
 * has sent of each of them. Immutable; a snapshot replaces the one before it whole, so a lost
 * heartbeat loses nothing and none counts twice.
 *
 * <p>It travels in Spark's executor heartbeats ({@code spark.executor.heartbeatInterval}) as the
 * value of an {@link Accumulator}: Spark sends the current value of every accumulator of each
 * running task, and the driver sees them in {@code onExecutorMetricsUpdate} ({@link LiveTasks}).
 */
final class LiveProgress implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Spark's attempt number of the task that reported it: a later attempt's replace an earlier's.
   */
  final int attempt;

  private final byte[] progressLogGzip;
  final Map<Integer, Long> bytesSending;
  final Map<Integer, byte[]> uploads;

  LiveProgress(
      int attempt,
      byte[] progressLog,
      Map<Integer, Long> bytesSending,
      Map<Integer, byte[]> uploads) {
    this.attempt = attempt;
    this.progressLogGzip = gzip(progressLog);
    this.bytesSending = Collections.unmodifiableMap(new TreeMap<Integer, Long>(bytesSending));
    this.uploads = Collections.unmodifiableMap(new TreeMap<Integer, byte[]>(uploads));
  }

  /** The progress log's bytes. */
  byte[] progressLog() {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(progressLogGzip))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(progressLogGzip.length * 8);
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: not a gzip stream of ours
    }
  }

  /** Whether the files it describes are those {@code other} describes (the bytes may differ). */
  boolean sameFilesAs(LiveProgress other) {
    if (other == null
        || !Arrays.equals(progressLogGzip, other.progressLogGzip)
        || !uploads.keySet().equals(other.uploads.keySet())) {
      return false;
    }
    for (Map.Entry<Integer, byte[]> e : uploads.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.uploads.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether it says what {@code other} says. */
  boolean sameAs(LiveProgress other) {
    return sameFilesAs(other)
        && attempt == other.attempt
        && bytesSending.equals(other.bytesSending);
  }

  // A DONE line for each of thousands of entries: the numbers in a row compress to a few percent.
  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + bytes.length / 8);
    try (OutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return buffer.toByteArray();
  }

  /**
   * The accumulator one task's {@link LiveProgress} rides on: its value is the latest snapshot
   * (zero: none yet), {@code add} and {@code merge} replace it. The driver registers one per task
   * it sends out and reads it from heartbeats only; the copy merged at the task's end is not used
   * (the task's {@link TaskReport} is the final word). Unnamed, so the Spark UI and event log leave
   * it out. In local mode the driver reads the executor's own instance, hence the volatile value.
   */
  static final class Accumulator extends AccumulatorV2<LiveProgress, LiveProgress> {
    private static final long serialVersionUID = 1L;
    private volatile LiveProgress value;

    @Override
    public boolean isZero() {
      return value == null;
    }

    @Override
    public Accumulator copy() {
      Accumulator copy = new Accumulator();
      copy.value = value;
      return copy;
    }

    @Override
    public void reset() {
      value = null;
    }

    @Override
    public void add(LiveProgress v) {
      value = v;
    }

    @Override
    public void merge(AccumulatorV2<LiveProgress, LiveProgress> other) {
      LiveProgress v = other.value();
      if (v != null) {
        value = v;
      }
    }

    @Override
    public LiveProgress value() {
      return value;
    }
  }
}
