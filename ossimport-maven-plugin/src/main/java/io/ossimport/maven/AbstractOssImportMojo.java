package io.ossimport.maven;

import io.ossimport.core.api.OssImport;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: where the working directory is, the skip switch (checked first), and the
 * {@link OssImportRunner} through which each goal makes its one call into the core.
 *
 * <p>Parameters follow Maven's rule: a value in the POM's {@code <configuration>} wins over the
 * {@code -Dossimport.*} user property, which only fills a parameter the POM leaves unset (so a
 * property that must be able to change per build belongs in the POM as {@code
 * <workDir>${ossimport.workDir}</workDir>}, or not in the POM at all).
 */
public abstract class AbstractOssImportMojo extends AbstractMojo {
  /** The sentence logged instead of running; tests and scripts rely on it. */
  public static final String SKIP_MESSAGE = "Skipping ossimport: ossimport.skip is true.";

  /**
   * The working directory: the job tree ({@code master/}, {@code worker/}) and {@code logs/}. It
   * replaces {@code workingDir} of {@link #sysConfig}. When neither is set it is <code>
   * .ossimport</code> in the project's base directory, outside {@code target/}: the job tree holds
   * the checkpoints, the failed tasks and the ids of the multipart uploads still open in OSS, so
   * {@code mvn clean} must not delete it (a directory under the build directory is warned about).
   * Add {@code .ossimport/} to {@code .gitignore}.
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
   * Skips the goal: it only logs {@value #SKIP_MESSAGE}
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The {@code <id>} of a {@code settings.xml} {@code <server>} holding the destination AccessKey:
   * {@code <username>} is the AccessKey id, {@code <password>} the secret (plain or encrypted with
   * {@code mvn --encrypt-password}), and an optional {@code
   * <configuration><securityToken>...</securityToken></configuration>} the STS security token. It
   * replaces {@code destAccessKey} / {@code destSecretKey} / {@code destSecurityToken} of the job
   * file. Give it to every goal (set it in the plugin's {@code <configuration>}): the job tree
   * keeps no secret, so {@code start}, {@code retry} and {@code clean} read the server again, and a
   * password fixed in settings.xml takes effect at the next start. Without it, empty keys are taken
   * from the environment variables {@code OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET} /
   * {@code OSS_SESSION_TOKEN}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.serverId")
  private String serverId;

  /**
   * Log the HTTP traffic (HttpClient's wire and header log, the SDKs' request log) at Maven's debug
   * level; without it they stay at info even under {@code mvn -X}, which shows the plugin's own
   * debug lines.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.wireLog", defaultValue = "false")
  private boolean wireLog;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  @Component private SettingsDecrypter settingsDecrypter;

  /** Holds the default working directory. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  private File baseDirectory;

  /** What {@code mvn clean} deletes: no place for a job tree. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  /** The default working directory, in {@code ${project.basedir}}. */
  public static final String DEFAULT_WORK_DIR = ".ossimport";

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info(SKIP_MESSAGE);
      return;
    }
    WireLog.configure(wireLog);
    OssImportRunner runner =
        new OssImportRunner(
            getLog(),
            sysConfig == null ? null : sysConfig.toPath(),
            WorkDir.of(workDir, sysConfig, baseDirectory),
            System.getenv(),
            ServerCredentials.supplied(settings, settingsDecrypter, serverId()));
    WorkDir.warnIfDeletedByClean(getLog(), runner.run(OssImport::workingDir), buildDirectory);
    execute(runner);
  }

  /** The goal's work, through {@code runner}. */
  protected abstract void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException;

  /** The settings.xml server id given, or null. */
  String serverId() {
    return serverId == null || serverId.isEmpty() ? null : serverId;
  }
}
