package io.ossimport.maven;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.StatReport;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the state of the jobs in the original {@code stat} shape ({@code JobState:Succeed} ...),
 * then a summary per job. Reads the job tree only: works whether or not the service runs.
 */
@Mojo(name = "stat", requiresProject = false, threadSafe = true)
public class StatMojo extends AbstractJobMojo {
  /**
   * Fail the build when a job has failed tasks; when false, only warn.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.failOnTaskErrors", defaultValue = "true")
  private boolean failOnTaskErrors;

  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    final String name = jobName();
    List<JobStatus> jobs = runner.run(ossImport -> ossImport.statJobs(name));
    for (String line : StatReport.text(jobs).split("\n")) {
      runner.log().info(line);
    }
    Path workingDir = runner.run(OssImport::workingDir);
    MojoFailureException firstFailure = null;
    for (JobStatus job : jobs) {
      try {
        runner.report(job, failOnTaskErrors, workingDir);
      } catch (MojoFailureException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
  }
}
