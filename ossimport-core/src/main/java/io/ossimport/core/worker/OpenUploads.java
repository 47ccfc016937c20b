package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobTree;
import java.io.IOException;

/** PLACEHOLDER (branch core-engine only): see {@link Worker}. */
public final class OpenUploads {
  private OpenUploads() {}

  public static int abortAll(JobTree tree, String jobName, JobConfig config) throws IOException {
    throw new UnsupportedOperationException("placeholder: merge branch core-worker");
  }
}
