package io.ossimport.ant;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobReport;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.Task;

/**
 * Writes the engine's events to the Ant log of the task: ERROR, WARN, INFO, DEBUG to MSG_ERR,
 * MSG_WARN, MSG_INFO, MSG_DEBUG, and progress snapshots as one MSG_INFO line each (the engine sends
 * them at most every few seconds).
 */
final class AntImportListener implements ImportListener {
  private final Task task;

  AntImportListener(Task task) {
    this.task = task;
  }

  @Override
  public void onEvent(ImportEvent event) {
    if (event.isProgress()) {
      task.log(JobReport.progressLine(event.progress()), Project.MSG_INFO);
      return;
    }
    String text =
        (event.jobName() == null ? "" : event.jobName() + ": ") + AntRunner.WORDS.render(event);
    task.log(text, level(event.level()));
  }

  private static int level(ImportEvent.Level level) {
    switch (level) {
      case ERROR:
        return Project.MSG_ERR;
      case WARN:
        return Project.MSG_WARN;
      case INFO:
        return Project.MSG_INFO;
      default:
        return Project.MSG_DEBUG;
    }
  }
}
