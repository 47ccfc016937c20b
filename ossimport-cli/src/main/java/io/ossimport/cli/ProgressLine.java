package io.ossimport.cli;

import io.ossimport.core.api.JobStatus;
import java.util.Locale;

/**
 * One line of progress for people: {@code local_test Running: 120/300 files, 12.0 MB/50.0 MB (24%),
 * 3.1 MB/s, ETA 0:00:12, 0 failed}. The rate is the average since a first {@link Sample}, so it
 * stays steady between polls; the ETA is shown once the scan has finished (before that the totals
 * still grow).
 */
final class ProgressLine {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private ProgressLine() {}

  /** Where a job stood at some moment: the base of a rate. */
  static final class Sample {
    final long millis;
    final long doneBytes;

    Sample(long millis, long doneBytes) {
      this.millis = millis;
      this.doneBytes = doneBytes;
    }
  }

  /** Formats a job's progress; {@code since} (may be null) is an earlier sample of the same job. */
  static String format(JobStatus job, Sample since, long nowMillis) {
    StringBuilder line = new StringBuilder();
    line.append(job.jobName()).append(' ').append(job.state().name()).append(": ");
    line.append(job.isAudit() ? "audited " : "");
    String more = job.scanFinished() ? "" : "+";
    line.append(job.doneObjects()).append('/').append(job.totalObjects()).append(more);
    line.append(" files, ");
    line.append(bytes(job.doneBytes())).append('/').append(bytes(job.totalBytes())).append(more);
    line.append(" (").append(percent(job)).append("%)");
    double rate = rate(job, since, nowMillis);
    line.append(", ").append(rate < 0 ? "-" : bytes((long) rate) + "/s");
    line.append(", ETA ").append(eta(job, rate));
    line.append(", ").append(job.failedObjects()).append(" failed");
    return line.toString();
  }

  /** Bytes in units of 1024 with one decimal: {@code 512 B}, {@code 1.5 KB}, {@code 12.3 MB}. */
  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    double value = count;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }

  /** Hours, minutes and seconds: {@code 0:00:12}, {@code 27:03:09}. */
  static String duration(long seconds) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }

  private static long percent(JobStatus job) {
    if (job.totalBytes() > 0) {
      return job.doneBytes() * 100 / job.totalBytes();
    }
    if (job.totalObjects() > 0) {
      return job.doneObjects() * 100 / job.totalObjects();
    }
    return job.scanFinished() ? 100 : 0;
  }

  /** Bytes per second since {@code since}, or -1 when there is no base yet. */
  private static double rate(JobStatus job, Sample since, long nowMillis) {
    if (since == null || nowMillis <= since.millis || job.doneBytes() < since.doneBytes) {
      return -1;
    }
    return (job.doneBytes() - since.doneBytes) * 1000.0 / (nowMillis - since.millis);
  }

  private static String eta(JobStatus job, double rate) {
    long remaining = job.totalBytes() - job.doneBytes();
    if (remaining <= 0 && job.scanFinished()) {
      return duration(0);
    }
    if (!job.scanFinished() || rate <= 0) {
      return "-";
    }
    return duration((long) Math.ceil(remaining / rate));
  }
}
