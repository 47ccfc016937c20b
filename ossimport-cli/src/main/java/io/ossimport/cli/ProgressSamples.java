package io.ossimport.cli;

import io.ossimport.core.api.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The first progress sample of each job, kept in a small file between {@code stat --progress} calls
 * (the import scripts keep it across retries), so that the rate is an average over the whole run;
 * without a file, in memory for the life of one {@code stat --follow}. A job whose done bytes went
 * down (cleaned and resubmitted) starts a new sample.
 */
final class ProgressSamples {
  private final Path file;
  private final Properties memory = new Properties();

  /** Samples kept in {@code fileOrNull}, or in this object when it is null. */
  ProgressSamples(Path fileOrNull) {
    this.file = fileOrNull;
  }

  /** The sample the rate of {@code job} is measured from; records one when there is none. */
  ProgressLine.Sample baseFor(JobStatus job, long nowMillis) throws IOException {
    Properties samples = load();
    String recorded = samples.getProperty(job.jobName());
    if (recorded != null) {
      String[] parts = recorded.split(",");
      if (parts.length == 2) {
        try {
          ProgressLine.Sample base =
              new ProgressLine.Sample(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
          if (base.doneBytes <= job.doneBytes() && base.millis <= nowMillis) {
            return base;
          }
        } catch (NumberFormatException e) {
          // a damaged file only costs the rate: start a new base
        }
      }
    }
    samples.setProperty(job.jobName(), nowMillis + "," + job.doneBytes());
    store(samples);
    return null;
  }

  private Properties load() throws IOException {
    if (file == null) {
      return memory;
    }
    Properties samples = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        samples.load(in);
      }
    }
    return samples;
  }

  private void store(Properties samples) throws IOException {
    if (file == null) {
      return; // load() handed out the map itself
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    samples.store(bytes, "first progress sample per job: epoch millis,done bytes");
    ReportOutput.replace(file, bytes.toByteArray());
  }
}
