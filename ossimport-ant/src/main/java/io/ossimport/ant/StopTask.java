package io.ossimport.ant;

import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceOutcome;

/**
 * {@code <ossimport:stop workdir="work"/>}: stops the service running on the working directory
 * gracefully (objects in flight finish or are recorded, so the next start resumes).
 */
public class StopTask extends AbstractOssImportTask {
  private long timeout = 60;

  /** Seconds to wait for the service to stop (default 60); then the task fails naming the PID. */
  public void setTimeout(long timeout) {
    this.timeout = timeout;
  }

  @Override
  protected void run(AntRunner runner) {
    ServiceOutcome outcome = runner.run(ossImport -> ossImport.stopAndWait(timeout));
    if (outcome.kind() == ServiceOutcome.Kind.NOT_RUNNING) {
      log("No ossimport service runs on " + runner.run(OssImport::workingDir) + ".");
      return;
    }
    runner.check(outcome);
    log("Stop import service completed (pid " + outcome.pid() + ").");
  }
}
