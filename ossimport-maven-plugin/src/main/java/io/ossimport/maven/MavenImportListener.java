package io.ossimport.maven;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobReport;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes the engine's events to Maven's log: each event level to the same-named log level, and
 * progress snapshots as one info line each (the engine sends them at most every few seconds).
 */
final class MavenImportListener implements ImportListener {
  private final Log log;

  MavenImportListener(Log log) {
    this.log = log;
  }

  @Override
  public void onEvent(ImportEvent event) {
    if (event.isProgress()) {
      log.info(JobReport.progressLine(event.progress()));
      return;
    }
    String text =
        (event.jobName() == null ? "" : event.jobName() + ": ")
            + OssImportRunner.WORDS.render(event);
    switch (event.level()) {
      case ERROR:
        log.error(text);
        break;
      case WARN:
        log.warn(text);
        break;
      case INFO:
        log.info(text);
        break;
      default:
        log.debug(text);
        break;
    }
  }
}
