package io.ossimport.cli;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.TransferRate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The recent progress samples of each job, over which {@link TransferRate} measures the rate: kept
 * in a small file between {@code stat --progress} calls (the import scripts' {@code
 * logs/import.rate}, kept across retries), or without a file in memory for the life of one {@code
 * stat --follow}. A job whose bytes went down (cleaned and resubmitted) starts a new window.
 */
final class ProgressSamples {
  private final Path file;
  private final Properties memory = new Properties();

  /** Samples kept in {@code fileOrNull}, or in this object when it is null. */
  ProgressSamples(Path fileOrNull) {
    this.file = fileOrNull;
  }

  /** Records {@code job}'s progress at {@code nowMillis}; returns it with the measured rate. */
  JobStatus measure(JobStatus job, long nowMillis) throws IOException {
    Properties samples = load();
    TransferRate rate = TransferRate.decode(samples.getProperty(job.jobName()));
    rate.record(nowMillis, job.progressBytes());
    samples.setProperty(job.jobName(), rate.encode());
    store(samples);
    return job.withRate(rate.bytesPerSecond());
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
    samples.store(bytes, "recent progress samples per job: epoch millis:bytes moved,...");
    ReportOutput.replace(file, bytes.toByteArray());
  }
}
