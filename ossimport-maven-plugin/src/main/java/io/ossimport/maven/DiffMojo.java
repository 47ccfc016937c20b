package io.ossimport.maven;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares a job's source with its destination, like {@code console.sh diff} (and {@code rclone
 * check}): no job is submitted and nothing is written to the destination. Objects missing at the
 * destination, different there (size, older Last-Modified, CRC-64 with {@link #checksum}) or extra
 * (under {@code destPrefix}, with no source object) are listed one per line in {@code
 * <workDir>/logs/diff-<jobName>-<UTC time>.report}; the build fails when there is any, unless
 * {@link #failOnDifference} is false.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractOssImportMojo {
  /**
   * The job configuration, a {@code local_job.cfg}, read as {@code ossimport:submit} reads it.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.jobConfig")
  private File jobConfig;

  /**
   * Job keys inline, as {@code <job>} of {@code ossimport:submit}; they override {@link
   * #jobConfig}.
   *
   * @since 0.2.0
   */
  @Parameter private Map<String, String> job;

  /**
   * Also compare CRC-64 where both sides know it (an OSS source): one HEAD per object that passes
   * size and time. By default only the two listings are read.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.checksum", defaultValue = "false")
  private boolean checksum;

  /**
   * Fail the build when anything is missing, different or extra; false only logs the summary.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.failOnDifference", defaultValue = "true")
  private boolean failOnDifference;

  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    if (jobConfig == null && (job == null || job.isEmpty())) {
      throw new MojoFailureException(
          "Nothing to compare: set <jobConfig> (a local_job.cfg, or -Dossimport.jobConfig=FILE)"
              + " or inline keys in <job>.");
    }
    final Path file = jobConfig == null ? null : jobConfig.toPath();
    final Map<String, String> overrides =
        job == null ? new LinkedHashMap<String, String>() : new LinkedHashMap<>(job);
    final DiffCheck check = checksum ? DiffCheck.CHECKSUM : DiffCheck.SIZE_AND_MTIME;
    DiffReport report = runner.run(ossImport -> ossImport.diff(file, overrides, check));
    for (String line : report.text().split("\n")) {
      runner.log().info(line);
    }
    if (report.hasDifferences() && failOnDifference) {
      throw new MojoFailureException(
          "The destination differs from the source: "
              + report.missing()
              + " missing, "
              + report.different()
              + " different, "
              + report.extra()
              + " extra; see "
              + report.reportFile());
    }
  }
}
