package io.ossimport.maven;

import io.ossimport.core.api.RetryResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Moves the failed tasks of a job back to pending; the next {@code ossimport:start} redoes only
 * their failed objects.
 */
@Mojo(name = "retry", requiresProject = false, threadSafe = true)
public class RetryMojo extends AbstractJobMojo {
  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    final String name = singleJobName(runner);
    RetryResult result = runner.run(ossImport -> ossImport.retry(name));
    if (result.tasksRequeued() == 0) {
      runner.log().info("None failed tasks for job:" + name + ".");
      return;
    }
    runner
        .log()
        .info(
            "Retry has been submitted: "
                + result.tasksRequeued()
                + " failed task(s) of job "
                + name
                + " are pending again ("
                + result.objectsToRedo()
                + " objects to redo); run ossimport:start.");
  }
}
