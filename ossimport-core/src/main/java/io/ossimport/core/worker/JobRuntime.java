package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;

/** PLACEHOLDER (branch core-engine only): see {@link Worker}. */
public final class JobRuntime implements AutoCloseable {
  private JobRuntime() {}

  public String jobName() {
    throw new UnsupportedOperationException("placeholder");
  }

  public JobConfig config() {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public void close() {}
}
