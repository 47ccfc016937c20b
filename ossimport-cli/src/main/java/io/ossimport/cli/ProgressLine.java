package io.ossimport.cli;

import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobStatus;
import java.util.Locale;

/**
 * One line of progress for people: {@code local_test Running: 120/300 files, 12.0 MB/50.0 MB (24%),
 * 3.1 MB/s, ETA 0:00:12, 0 failed}. Files and bytes count what the running tasks moved, the parts
 * of a large object in flight included; the rate is the snapshot's, measured over a moving window
 * ({@link io.ossimport.core.api.TransferRate}: by the service for its events, by {@link
 * ProgressSamples} for {@code stat}); the ETA is shown once the scan has finished (before that the
 * totals still grow).
 */
final class ProgressLine {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private ProgressLine() {}

  /** Formats a job's progress. */
  static String format(JobStatus job) {
    StringBuilder line = new StringBuilder();
    line.append(job.jobName()).append(' ').append(job.state().name()).append(": ");
    line.append(job.isAudit() ? "audited " : "");
    String more = job.scanFinished() ? "" : "+";
    line.append(job.progressObjects()).append('/').append(job.totalObjects()).append(more);
    line.append(" files, ");
    line.append(bytes(job.progressBytes())).append('/').append(bytes(job.totalBytes()));
    line.append(more).append(" (").append(JobReport.percent(job)).append("%)");
    double rate = job.bytesPerSecond();
    line.append(", ").append(rate < 0 ? "-" : bytes((long) rate) + "/s");
    long eta = job.etaSeconds();
    line.append(", ETA ").append(eta < 0 ? "-" : duration(eta));
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
    return JobReport.duration(seconds);
  }
}
