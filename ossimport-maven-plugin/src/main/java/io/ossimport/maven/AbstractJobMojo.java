package io.ossimport.maven;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal about one submitted job: {@code start}, {@code stat}, {@code retry}, {@code clean}. */
public abstract class AbstractJobMojo extends AbstractOssImportMojo {
  /**
   * The job ({@code jobName} of its {@code local_job.cfg}). When unset: {@code stat} and {@code
   * start} take every job of the working directory, {@code retry} and {@code clean} the only one.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.jobName")
  private String jobName;

  String jobName() {
    return jobName;
  }

  /** The jobs this goal is about: the named one, or every job in the working directory. */
  List<String> jobNames(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    List<String> names = new ArrayList<String>();
    if (jobName != null && !jobName.isEmpty()) {
      names.add(jobName);
      return names;
    }
    for (JobStatus job : runner.run(OssImport::stat)) {
      names.add(job.jobName());
    }
    return names;
  }

  /** The named job, or the only job in the working directory. */
  String singleJobName(OssImportRunner runner) throws MojoExecutionException, MojoFailureException {
    List<String> names = jobNames(runner);
    if (names.size() == 1) {
      return names.get(0);
    }
    Object workingDir = runner.run(OssImport::workingDir);
    if (names.isEmpty()) {
      throw new MojoFailureException(
          "No job in " + workingDir + "; run ossimport:submit first (or set <workDir>).");
    }
    throw new MojoFailureException(
        "Several jobs in "
            + workingDir
            + ": "
            + names
            + "; name one with <jobName> or -Dossimport.jobName=NAME.");
  }
}
