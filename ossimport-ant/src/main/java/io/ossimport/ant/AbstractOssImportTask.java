package io.ossimport.ant;

import io.ossimport.core.api.SuppliedCredentials;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * What every task shares: the {@code workdir} and {@code sysconfig} attributes, {@code
 * failonerror}, the destination credentials, and the {@link AntRunner} through which each task
 * makes its one call into the core. Attribute mistakes always fail the build; failures of the work
 * itself honour {@code failonerror}.
 *
 * <p>Credentials, first found wins: the {@code accesskeyid} / {@code accesskeysecret} / {@code
 * securitytoken} attributes, the Ant properties {@code ossimport.accesskeyid} / {@code
 * ossimport.accesskeysecret} / {@code ossimport.securitytoken}, the job configuration's {@code
 * destAccessKey} / {@code destSecretKey} / {@code destSecurityToken}, the environment variables
 * {@code OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET} / {@code OSS_SESSION_TOKEN}. The job
 * tree keeps no secret, so every task (start, retry and clean too) gives the attributes or
 * properties to the core again: set them as properties for the whole build.
 */
public abstract class AbstractOssImportTask extends Task {
  static final String ACCESS_KEY_ID_PROPERTY = "ossimport.accesskeyid";
  static final String ACCESS_KEY_SECRET_PROPERTY = "ossimport.accesskeysecret";
  static final String SECURITY_TOKEN_PROPERTY = "ossimport.securitytoken";

  /** The origin under which the Ant credentials are supplied to the core. */
  static final String ORIGIN = "ant-credentials";

  private String accesskeyid;
  private String accesskeysecret;
  private String securitytoken;
  private File workdir;
  private File sysconfig;
  private boolean failonerror = true;

  /**
   * The working directory (job tree and logs); replaces {@code workingDir} of {@code sysconfig}.
   */
  public void setWorkdir(File workdir) {
    this.workdir = workdir;
  }

  /** The destination AccessKey id. */
  public void setAccesskeyid(String accesskeyid) {
    this.accesskeyid = accesskeyid;
  }

  /** The destination AccessKey secret; never logged. */
  public void setAccesskeysecret(String accesskeysecret) {
    this.accesskeysecret = accesskeysecret;
  }

  /** The STS security token of a temporary destination AccessKey; never logged. */
  public void setSecuritytoken(String securitytoken) {
    this.securitytoken = securitytoken;
  }

  /** A {@code sys.properties}; optional when {@code workdir} is set. */
  public void setSysconfig(File sysconfig) {
    this.sysconfig = sysconfig;
  }

  /**
   * Whether a failure (a rejected configuration, trouble while running, failed tasks) fails the
   * build; when false it is logged as a warning and the build goes on. Default true.
   */
  public void setFailonerror(boolean failonerror) {
    this.failonerror = failonerror;
  }

  @Override
  public final void execute() {
    if (workdir == null && sysconfig == null) {
      throw new BuildException(
          "Set workdir (the working directory) or sysconfig (a sys.properties).", getLocation());
    }
    validate();
    Map<String, String> sysOverrides = new LinkedHashMap<String, String>();
    if (workdir != null) {
      sysOverrides.put("workingDir", workdir.getAbsolutePath());
    }
    AntRunner runner =
        new AntRunner(
            this, sysconfig == null ? null : sysconfig.toPath(), sysOverrides, credentials());
    try {
      run(runner);
    } catch (BuildException e) {
      if (failonerror) {
        throw e;
      }
      log(e.getMessage() + " (failonerror is false: the build goes on)", Project.MSG_WARN);
    }
  }

  /** Checks this task's own attributes; throws {@link BuildException} at the task's location. */
  protected void validate() {}

  /** The task's work, through {@code runner}. */
  protected abstract void run(AntRunner runner);

  /** The attributes, else the properties, supplied under {@link #ORIGIN}. */
  SuppliedCredentials credentials() {
    return SuppliedCredentials.builder()
        .supply(ORIGIN, "destAccessKey", firstSet(accesskeyid, ACCESS_KEY_ID_PROPERTY))
        .supply(ORIGIN, "destSecretKey", firstSet(accesskeysecret, ACCESS_KEY_SECRET_PROPERTY))
        .supply(ORIGIN, "destSecurityToken", firstSet(securitytoken, SECURITY_TOKEN_PROPERTY))
        .build();
  }

  private String firstSet(String attribute, String property) {
    if (attribute != null && !attribute.isEmpty()) {
      return attribute;
    }
    String value = getProject().getProperty(property);
    return value != null && !value.isEmpty() ? value : null;
  }

  File sysconfig() {
    return sysconfig;
  }
}
