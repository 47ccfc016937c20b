package io.ossimport.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the working directory is, the skip switch (checked first), and the
 * {@link OssImportRunner} through which each goal makes its one call into the core.
 */
public abstract class AbstractOssImportMojo extends AbstractMojo {
  /** The sentence logged instead of running; tests and scripts rely on it. */
  public static final String SKIP_MESSAGE = "Skipping ossimport: ossimport.skip is true.";

  /**
   * The working directory: the job tree ({@code master/}, {@code worker/}) and {@code logs/}. It
   * replaces {@code workingDir} of {@link #sysConfig}. When neither is set it is {@code
   * ${project.build.directory}/ossimport}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.workDir")
  private File workDir;

  /**
   * A {@code sys.properties} with the service settings (threads, throughput, working directory).
   * Optional: without it the defaults of the original tool apply, with {@link #workDir}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.sysConfig")
  private File sysConfig;

  /**
   * Skips the goal: it only logs "{@value #SKIP_MESSAGE}".
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.skip", defaultValue = "false")
  private boolean skip;

  /** Holds the default working directory. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(SKIP_MESSAGE);
      return;
    }
    Map<String, String> sysOverrides = new LinkedHashMap<String, String>();
    File dir = workDir;
    if (dir == null && sysConfig == null) {
      dir = new File(buildDirectory, "ossimport");
    }
    if (dir != null) {
      sysOverrides.put("workingDir", dir.getAbsolutePath());
    }
    execute(
        new OssImportRunner(
            getLog(),
            sysConfig == null ? null : sysConfig.toPath(),
            sysOverrides,
            System.getenv()));
  }

  /** The goal's work, through {@code runner}. */
  protected abstract void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException;

  /** The sys.properties given, or null. */
  File sysConfig() {
    return sysConfig;
  }
}
