package io.ossimport.ant;

import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import java.nio.file.Path;
import java.util.Map;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;

/**
 * {@code <ossimport:submit jobconfig="conf/local_job.cfg" workdir="work"/>}: validates a job and
 * freezes it into the working directory, like {@code console.sh submit}.
 *
 * <p>Credentials: see {@link AbstractOssImportTask}; a secret in a {@code <jobproperty>} is
 * refused, because the other tasks could not give it again.
 */
public class SubmitTask extends JobInputTask {
  static final String OFFLINE_PROPERTY = "ossimport.offline";
  static final String DRYRUN_PROPERTY = "ossimport.dryrun";

  private String jobname;
  private boolean offline;
  private boolean dryrun;

  /** Overrides {@code jobName} of the job configuration. */
  public void setJobname(String jobname) {
    this.jobname = jobname;
  }

  /**
   * Accept the job without contacting the destination ({@code false} by default: submit first asks
   * OSS whether the endpoint answers, the bucket exists and the AccessKey may write to it). The Ant
   * property {@code ossimport.offline=true} does the same for every submit of the build.
   */
  public void setOffline(boolean offline) {
    this.offline = offline;
  }

  /**
   * Do not submit: list the source with the job's rules and log what would be imported and what
   * would be left out and why ({@code false} by default). Nothing is written to the working
   * directory and the destination is not contacted. The Ant property {@code ossimport.dryrun=true}
   * does the same for every submit of the build.
   */
  public void setDryrun(boolean dryrun) {
    this.dryrun = dryrun;
  }

  @Override
  protected String verb() {
    return "submit";
  }

  @Override
  protected void checkJobProperty(String name) {
    if (name.matches("(dest|src)(SecretKey|SecurityToken)")) {
      throw new BuildException(
          name
              + " in a <jobproperty>: the job tree keeps no secret and the other tasks have no"
              + " <jobproperty>, so it could not be read again at start; give it as the"
              + " accesskeysecret / securitytoken attributes or the ossimport.accesskeysecret /"
              + " ossimport.securitytoken properties of every task, in the job file, or in the"
              + " environment variables OSS_ACCESS_KEY_SECRET / OSS_SESSION_TOKEN.",
          getLocation());
    }
  }

  @Override
  protected void run(AntRunner runner) {
    final Path file = jobFile();
    final Map<String, String> overrides = submitOverrides();
    if (dryrun || Project.toBoolean(getProject().getProperty(DRYRUN_PROPERTY))) {
      // Its warnings come as WARN events too; the report is the one text every front end prints.
      DryRunReport report = runner.run(ossImport -> ossImport.dryRun(file, overrides));
      for (String line : report.text().split("\n")) {
        log(line);
      }
      return;
    }
    final SubmitCheck check =
        offline || Project.toBoolean(getProject().getProperty(OFFLINE_PROPERTY))
            ? SubmitCheck.OFFLINE
            : SubmitCheck.ONLINE;
    SubmitResult result = runner.run(ossImport -> ossImport.submit(file, overrides, check));
    // Its warnings came as WARN events (the listener logged them): not again here.
    log("Submitted job " + result.jobName() + " (" + result.jobDir() + ").");
  }

  private Map<String, String> submitOverrides() {
    Map<String, String> overrides = jobOverrides();
    if (jobname != null && !jobname.isEmpty()) {
      overrides.put("jobName", jobname);
    }
    return overrides;
  }
}
