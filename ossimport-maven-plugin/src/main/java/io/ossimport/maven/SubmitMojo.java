package io.ossimport.maven;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Submits a job: validates its configuration and freezes it into the working directory, like {@code
 * console.sh submit}. Nothing is written when the configuration is rejected.
 */
@Mojo(name = "submit", requiresProject = false, threadSafe = true)
public class SubmitMojo extends AbstractOssImportMojo {
  /**
   * The job configuration, a {@code local_job.cfg} with the keys of the original tool.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.jobConfig")
  private File jobConfig;

  /**
   * Job keys inline, one element per {@code local_job.cfg} key, e.g. {@code
   * <job><srcPrefix>/data/</srcPrefix></job>}; they override the keys of {@link #jobConfig}. Maven
   * has no command-line syntax for a map, so {@code -Dossimport.job} is not read: use {@link
   * #jobConfig} there.
   *
   * @since 0.1.0
   */
  @Parameter private Map<String, String> job;

  /**
   * Overrides {@code jobName} of the job configuration.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.jobName")
  private String jobName;

  /**
   * The {@code <id>} of a {@code settings.xml} {@code <server>} holding the destination AccessKey:
   * {@code <username>} is the AccessKey id, {@code <password>} the secret (plain or encrypted with
   * {@code mvn --encrypt-password}). It replaces {@code destAccessKey} / {@code destSecretKey} of
   * {@link #jobConfig}. Without it, empty keys are taken from the environment variables {@code
   * OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "ossimport.serverId")
  private String serverId;

  /**
   * Accept the job without contacting the destination. By default submit asks OSS first whether the
   * endpoint answers, the bucket exists and the AccessKey may write to it (requests that leave
   * nothing behind) and fails with one message per problem; set this on a machine that cannot reach
   * OSS yet.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.offline", defaultValue = "false")
  private boolean offline;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  private final SettingsDecrypter settingsDecrypter;

  @Inject
  public SubmitMojo(SettingsDecrypter settingsDecrypter) {
    this.settingsDecrypter = settingsDecrypter;
  }

  @Override
  protected void execute(OssImportRunner runner)
      throws MojoExecutionException, MojoFailureException {
    if (jobConfig == null && (job == null || job.isEmpty())) {
      throw new MojoFailureException(
          "Nothing to submit: set <jobConfig> (a local_job.cfg, or -Dossimport.jobConfig=FILE)"
              + " or inline keys in <job>.");
    }
    final Path file = jobConfig == null ? null : jobConfig.toPath();
    final Map<String, String> overrides = jobOverrides();
    final SubmitCheck check = offline ? SubmitCheck.OFFLINE : SubmitCheck.ONLINE;
    SubmitResult result = runner.run(ossImport -> ossImport.submit(file, overrides, check));
    for (ConfigWarning warning : result.warnings()) {
      runner.log().warn(warning.toString());
    }
    runner
        .log()
        .info(
            "Submitted job "
                + result.jobName()
                + " ("
                + result.jobDir()
                + "); run it with ossimport:start.");
  }

  /** Inline keys, then the job name, then the server's credentials (which must not clash). */
  private Map<String, String> jobOverrides() throws MojoFailureException {
    Map<String, String> overrides = new LinkedHashMap<String, String>();
    if (job != null) {
      overrides.putAll(job);
    }
    if (jobName != null && !jobName.isEmpty()) {
      overrides.put("jobName", jobName);
    }
    if (serverId != null && !serverId.isEmpty()) {
      if (overrides.containsKey(ServerCredentials.ACCESS_KEY_ID)
          || overrides.containsKey(ServerCredentials.ACCESS_KEY_SECRET)) {
        throw new MojoFailureException(
            "Credentials set twice: <serverId>"
                + serverId
                + "</serverId> and destAccessKey/destSecretKey in <job>; keep one.");
      }
      overrides.putAll(ServerCredentials.jobKeys(settings, settingsDecrypter, serverId));
    }
    return overrides;
  }
}
