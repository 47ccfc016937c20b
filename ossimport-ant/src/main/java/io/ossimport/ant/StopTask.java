package io.ossimport.ant;

import io.ossimport.core.api.OssImport;
import java.util.concurrent.TimeUnit;

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
    long pid = runner.run(OssImport::servicePid);
    if (pid <= 0) {
      log("No ossimport service runs on " + runner.run(OssImport::workingDir) + ".");
      return;
    }
    final long millis = TimeUnit.SECONDS.toMillis(timeout);
    if (!runner.run(ossImport -> ossImport.stop(millis))) {
      throw runner.fail(
          "The ossimport service (pid "
              + pid
              + ") did not stop within "
              + timeout
              + " s; end it with: kill "
              + pid);
    }
    log("Stop import service completed (pid " + pid + ").");
  }
}
