package io.ossimport.ant;

import java.io.File;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * What every task shares: the {@code workdir} and {@code sysconfig} attributes, {@code
 * failonerror}, the destination credentials ({@link AntCredentials}: these attributes, else the
 * {@code ossimport.*} properties), and the {@link AntRunner} through which each task makes its one
 * call into the core. Attribute mistakes always fail the build; failures of the work itself honour
 * {@code failonerror}.
 */
public abstract class AbstractOssImportTask extends Task {
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
    AntRunner runner =
        new AntRunner(
            this,
            sysconfig == null ? null : sysconfig.toPath(),
            workdir == null ? null : workdir.toPath(),
            AntCredentials.of(getProject(), accesskeyid, accesskeysecret, securitytoken));
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
}
