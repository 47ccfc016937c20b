package io.ossimport.cli;

import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobStatus;

/**
 * The console's progress line: {@link JobReport#progressLine}, the same line Maven and Ant log and
 * the service writes, so every front end says "objects" and counts bytes in binary units (KiB,
 * MiB). Objects and bytes count what the running tasks moved, the parts of a large object in flight
 * included; the rate is the snapshot's, measured over a moving window ({@link
 * io.ossimport.core.api.TransferRate}: by the service for its events, by {@link ProgressSamples}
 * for {@code stat}); the ETA is shown once the scan has finished (before that the totals still
 * grow).
 */
final class ProgressLine {
  private ProgressLine() {}

  /** Formats a job's progress. */
  static String format(JobStatus job) {
    return JobReport.progressLine(job);
  }
}
