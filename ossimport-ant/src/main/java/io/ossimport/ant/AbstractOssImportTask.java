package io.ossimport.ant;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * What every task shares: the {@code workdir} and {@code sysconfig} attributes, {@code
 * failonerror}, and the {@link AntRunner} through which each task makes its one call into the core.
 * Attribute mistakes always fail the build; failures of the work itself honour {@code failonerror}.
 */
public abstract class AbstractOssImportTask extends Task {
  private File workdir;
  private File sysconfig;
  private boolean failonerror = true;

  /**
   * The working directory (job tree and logs); replaces {@code workingDir} of {@code sysconfig}.
   */
  public void setWorkdir(File workdir) {
    this.workdir = workdir;
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
        new AntRunner(this, sysconfig == null ? null : sysconfig.toPath(), sysOverrides);
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

  File sysconfig() {
    return sysconfig;
  }
}
