package io.ossimport.ant;

import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
public class SubmitTask extends AbstractOssImportTask {
  static final String OFFLINE_PROPERTY = "ossimport.offline";
  static final String DRYRUN_PROPERTY = "ossimport.dryrun";

  private File jobconfig;
  private String jobname;
  private boolean offline;
  private boolean dryrun;
  private final List<JobProperty> jobProperties = new ArrayList<JobProperty>();

  /** The job configuration, a {@code local_job.cfg}. */
  public void setJobconfig(File jobconfig) {
    this.jobconfig = jobconfig;
  }

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

  /** A nested {@code <jobproperty name=".." value=".."/>} overriding one job key. */
  public JobProperty createJobproperty() {
    JobProperty property = new JobProperty();
    jobProperties.add(property);
    return property;
  }

  @Override
  protected void validate() {
    if (jobconfig == null && jobProperties.isEmpty()) {
      throw new BuildException(
          "Nothing to submit: set jobconfig (a local_job.cfg) or nested <jobproperty> elements.",
          getLocation());
    }
    for (JobProperty property : jobProperties) {
      if (property.name() == null || property.name().trim().isEmpty()) {
        throw new BuildException("A <jobproperty> needs a name.", getLocation());
      }
      if (property.name().trim().matches("(dest|src)(SecretKey|SecurityToken)")) {
        throw new BuildException(
            property.name().trim()
                + " in a <jobproperty>: the job tree keeps no secret and the other tasks have no"
                + " <jobproperty>, so it could not be read again at start; give it as the"
                + " accesskeysecret / securitytoken attributes or the ossimport.accesskeysecret /"
                + " ossimport.securitytoken properties of every task, in the job file, or in the"
                + " environment variables OSS_ACCESS_KEY_SECRET / OSS_SESSION_TOKEN.",
            getLocation());
      }
    }
  }

  @Override
  protected void run(AntRunner runner) {
    final Path file = jobconfig == null ? null : jobconfig.toPath();
    final Map<String, String> overrides = jobOverrides();
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

  private Map<String, String> jobOverrides() {
    Map<String, String> overrides = new LinkedHashMap<String, String>();
    for (JobProperty property : jobProperties) {
      overrides.put(property.name().trim(), property.value());
    }
    if (jobname != null && !jobname.isEmpty()) {
      overrides.put("jobName", jobname);
    }
    return overrides;
  }
}
