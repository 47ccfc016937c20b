package io.ossimport.maven;

import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceOutcome;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stops the service running on the working directory (started by {@code ossimport:start
 * -Dossimport.background=true}, the CLI or another build) gracefully: objects in flight finish or
 * are recorded, so the next start resumes.
 */
@Mojo(name = "stop", requiresProject = false, threadSafe = true)
public class StopMojo extends AbstractOssImportMojo {
  /**
   * Seconds to wait for the service to stop; after that the build fails and names the process.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.timeout", defaultValue = "60")
  private long timeout;

  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    ServiceOutcome outcome = runner.run(ossImport -> ossImport.stopAndWait(timeout));
    if (outcome.kind() == ServiceOutcome.Kind.NOT_RUNNING) {
      runner.log().info("No ossimport service runs on " + runner.run(OssImport::workingDir) + ".");
      return;
    }
    runner.check(outcome);
    runner.log().info("Stop import service completed (pid " + outcome.pid() + ").");
  }
}
