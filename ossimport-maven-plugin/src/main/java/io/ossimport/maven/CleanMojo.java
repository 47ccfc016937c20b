package io.ossimport.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Removes a job from the working directory and aborts the multipart uploads it left open, so the
 * same job name can be submitted again. Refused while the service runs.
 */
@Mojo(name = "clean", requiresProject = false, threadSafe = true)
public class CleanMojo extends AbstractJobMojo {
  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    final String name = singleJobName(runner);
    runner.run(
        ossImport -> {
          ossImport.clean(name);
          return null;
        });
    runner.log().info("Clean job:" + name + " completed.");
  }
}
