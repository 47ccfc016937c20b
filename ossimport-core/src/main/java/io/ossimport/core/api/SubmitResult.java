package io.ossimport.core.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What {@link OssImport#submit} did: the job it froze into the working directory. */
public final class SubmitResult {
  private final String jobName;
  private final Path jobDir;
  private final List<ConfigWarning> warnings;

  public SubmitResult(String jobName, Path jobDir, List<ConfigWarning> warnings) {
    this.jobName = jobName;
    this.jobDir = jobDir;
    this.warnings = Collections.unmodifiableList(new ArrayList<ConfigWarning>(warnings));
  }

  public String jobName() {
    return jobName;
  }

  /** The job's directory, {@code <workingDir>/master/jobs/<jobName>}. */
  public Path jobDir() {
    return jobDir;
  }

  /** Warnings about the submitted configuration (unknown keys and the like); may be empty. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "submitted " + jobName + " (" + warnings.size() + " warnings)";
  }
}
