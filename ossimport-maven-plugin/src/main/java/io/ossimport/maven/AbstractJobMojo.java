package io.ossimport.maven;

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

  /** The named job, or the only job in the working directory. */
  String singleJobName(OssImportRunner runner) throws MojoExecutionException, MojoFailureException {
    final String name = jobName;
    return runner.run(ossImport -> ossImport.singleJob(name));
  }
}
