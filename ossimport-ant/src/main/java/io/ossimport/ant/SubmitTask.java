package io.ossimport.ant;

import io.ossimport.core.api.ConfigWarning;
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
 * <p>Credentials, first found wins: the {@code accesskeyid} / {@code accesskeysecret} attributes,
 * the Ant properties {@code ossimport.accesskeyid} / {@code ossimport.accesskeysecret}, the job
 * configuration's {@code destAccessKey} / {@code destSecretKey}, the environment variables {@code
 * OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET}.
 */
public class SubmitTask extends AbstractOssImportTask {
  static final String ACCESS_KEY_ID_PROPERTY = "ossimport.accesskeyid";
  static final String ACCESS_KEY_SECRET_PROPERTY = "ossimport.accesskeysecret";
  static final String OFFLINE_PROPERTY = "ossimport.offline";

  private File jobconfig;
  private String jobname;
  private String accesskeyid;
  private String accesskeysecret;
  private boolean offline;
  private final List<JobProperty> jobProperties = new ArrayList<JobProperty>();

  /** The job configuration, a {@code local_job.cfg}. */
  public void setJobconfig(File jobconfig) {
    this.jobconfig = jobconfig;
  }

  /** Overrides {@code jobName} of the job configuration. */
  public void setJobname(String jobname) {
    this.jobname = jobname;
  }

  /** The destination AccessKey id. */
  public void setAccesskeyid(String accesskeyid) {
    this.accesskeyid = accesskeyid;
  }

  /** The destination AccessKey secret; never logged. */
  public void setAccesskeysecret(String accesskeysecret) {
    this.accesskeysecret = accesskeysecret;
  }

  /**
   * Accept the job without contacting the destination ({@code false} by default: submit first asks
   * OSS whether the endpoint answers, the bucket exists and the AccessKey may write to it). The Ant
   * property {@code ossimport.offline=true} does the same for every submit of the build.
   */
  public void setOffline(boolean offline) {
    this.offline = offline;
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
    }
  }

  @Override
  protected void run(AntRunner runner) {
    final Path file = jobconfig == null ? null : jobconfig.toPath();
    final Map<String, String> overrides = jobOverrides();
    final SubmitCheck check =
        offline || Project.toBoolean(getProject().getProperty(OFFLINE_PROPERTY))
            ? SubmitCheck.OFFLINE
            : SubmitCheck.ONLINE;
    SubmitResult result = runner.run(ossImport -> ossImport.submit(file, overrides, check));
    for (ConfigWarning warning : result.warnings()) {
      log(warning.toString(), Project.MSG_WARN);
    }
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
    String id = firstSet(accesskeyid, getProject().getProperty(ACCESS_KEY_ID_PROPERTY));
    String secret = firstSet(accesskeysecret, getProject().getProperty(ACCESS_KEY_SECRET_PROPERTY));
    if (id != null) {
      overrides.put("destAccessKey", id);
    }
    if (secret != null) {
      overrides.put("destSecretKey", secret);
    }
    return overrides;
  }

  private static String firstSet(String a, String b) {
    if (a != null && !a.isEmpty()) {
      return a;
    }
    return b != null && !b.isEmpty() ? b : null;
  }
}
