package io.ossimport.ant;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tools.ant.BuildException;

/**
 * A task that reads a job: {@code submit} (and its dry run) and {@code diff}. Both take the job
 * file as {@code jobconfig} and job keys as nested {@code <jobproperty>} elements, which replace
 * the file's; at least one of the two must be given.
 */
public abstract class JobInputTask extends AbstractOssImportTask {
  private File jobconfig;
  private final List<JobProperty> jobProperties = new ArrayList<JobProperty>();

  /** The job configuration, a {@code local_job.cfg}. */
  public void setJobconfig(File jobconfig) {
    this.jobconfig = jobconfig;
  }

  /** A nested {@code <jobproperty name=".." value=".."/>} overriding one job key. */
  public JobProperty createJobproperty() {
    JobProperty property = new JobProperty();
    jobProperties.add(property);
    return property;
  }

  /** What the task does with the job, for the message when it has none: "submit", "compare". */
  protected abstract String verb();

  /** Refuses a job key this task cannot take as a {@code <jobproperty>}; none by default. */
  protected void checkJobProperty(String name) {}

  @Override
  protected void validate() {
    if (jobconfig == null && jobProperties.isEmpty()) {
      throw new BuildException(
          "Nothing to "
              + verb()
              + ": set jobconfig (a local_job.cfg) or nested <jobproperty> elements.",
          getLocation());
    }
    for (JobProperty property : jobProperties) {
      if (property.name() == null || property.name().trim().isEmpty()) {
        throw new BuildException("A <jobproperty> needs a name.", getLocation());
      }
      checkJobProperty(property.name().trim());
    }
  }

  /** The job file, or null when only {@code <jobproperty>} elements are given. */
  Path jobFile() {
    return jobconfig == null ? null : jobconfig.toPath();
  }

  /** The {@code <jobproperty>} elements as job keys, in their order. */
  Map<String, String> jobOverrides() {
    Map<String, String> overrides = new LinkedHashMap<String, String>();
    for (JobProperty property : jobProperties) {
      overrides.put(property.name().trim(), property.value());
    }
    return overrides;
  }
}
