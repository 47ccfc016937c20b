package io.ossimport.maven;

import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
   * Accept the job without contacting the destination. By default submit asks OSS first whether the
   * endpoint answers, the bucket exists and the AccessKey may write to it (requests that leave
   * nothing behind) and fails with one message per problem; set this on a machine that cannot reach
   * OSS yet.
   *
   * @since 0.2.0
   */
  @Parameter(property = "ossimport.offline", defaultValue = "false")
  private boolean offline;

  /**
   * Do not submit: list the source with the job's rules and log what would be imported (objects,
   * bytes, the first keys) and what would be left out and why. Nothing is written to the working
   * directory and the destination is not contacted; a bad configuration fails as it does at submit.
   *
   * @since 0.3.0
   */
  @Parameter(property = "ossimport.dryRun", defaultValue = "false")
  private boolean dryRun;

  /** Secret keys refused in {@code <job>}: they would be needed again by every goal. */
  private static final String[] INLINE_SECRETS = {
    "destSecretKey", "destSecurityToken", "srcSecretKey", "srcSecurityToken"
  };

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
    if (dryRun) {
      // Its warnings come as WARN events too; the report is the one text every front end prints.
      DryRunReport report = runner.run(ossImport -> ossImport.dryRun(file, overrides));
      for (String line : report.text().split("\n")) {
        runner.log().info(line);
      }
      return;
    }
    final SubmitCheck check = offline ? SubmitCheck.OFFLINE : SubmitCheck.ONLINE;
    SubmitResult result = runner.run(ossImport -> ossImport.submit(file, overrides, check));
    // Its warnings came as WARN events (the listener logged them): not again here.
    runner
        .log()
        .info(
            "Submitted job "
                + result.jobName()
                + " ("
                + result.jobDir()
                + "); run it with ossimport:start.");
  }

  /** Inline keys, then the job name; the server's credentials must not clash with them. */
  private Map<String, String> jobOverrides() throws MojoFailureException {
    Map<String, String> overrides = new LinkedHashMap<String, String>();
    if (job != null) {
      overrides.putAll(job);
    }
    if (jobName != null && !jobName.isEmpty()) {
      overrides.put("jobName", jobName);
    }
    String serverId = serverId();
    if (serverId != null
        && (overrides.containsKey(ServerCredentials.ACCESS_KEY_ID)
            || overrides.containsKey(ServerCredentials.ACCESS_KEY_SECRET)
            || overrides.containsKey(ServerCredentials.SECURITY_TOKEN))) {
      throw new MojoFailureException(
          "Credentials set twice: <serverId>"
              + serverId
              + "</serverId> and destAccessKey/destSecretKey/destSecurityToken in <job>; keep"
              + " one.");
    }
    for (String secret : INLINE_SECRETS) {
      if (job != null && job.containsKey(secret)) {
        throw new MojoFailureException(
            secret
                + " in <job>: the job tree keeps no secret and the other goals have no <job>, so"
                + " it could not be read again at start; put the AccessKey in a settings.xml"
                + " <server> (serverId), in the job file, or in the environment variables"
                + " OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET / OSS_SESSION_TOKEN.");
      }
    }
    return overrides;
  }
}
