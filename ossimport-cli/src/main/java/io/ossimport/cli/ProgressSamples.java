package io.ossimport.cli;

import io.ossimport.core.api.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The first progress sample of each job, kept in a small file between {@code stat --progress} calls
 * (the import scripts poll with one JVM per call), so that the rate is an average over the whole
 * run. A job whose done bytes went down (cleaned and resubmitted) starts a new sample.
 */
final class ProgressSamples {
  private final Path file;

  ProgressSamples(Path file) {
    this.file = file;
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
    Properties samples = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        samples.load(in);
      }
    }
    return samples;
  }

  /** Writes a temporary file and renames it, so a reader never sees half a file. */
  private void store(Properties samples) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        samples.store(out, "first progress sample per job: epoch millis,done bytes");
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
