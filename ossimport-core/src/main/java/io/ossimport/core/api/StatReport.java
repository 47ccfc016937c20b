package io.ossimport.core.api;

import java.util.List;

/**
 * Renders job snapshots the way {@code stat} prints them: the original ossimport 2.x text block (so
 * existing pollers grepping {@code JobState:Succeed} keep working), or JSON lines for machines.
 */
public final class StatReport {
  /** What the original printed when no job had been submitted or the master had none yet. */
  public static final String NO_JOBS = "no jobs is running or finished.";

  private static final String NL = "\n";

  private StatReport() {}

  /**
   * The original text shape, one "job stat" block per job, lines ending in {@code \n}, with four
   * lines the original did not have before {@code RunningTasks Progress:}: {@code TotalObjects},
   * {@code DoneObjects} (uploaded or skipped), {@code SkippedObjects} (by a rule, listed in {@code
   * skipped.list}) and {@code FailedObjects} (in the failed tasks' {@code error.list}); then {@code
   * Progress} (bytes and objects moved, the running tasks' share included), {@code Rate} (when
   * measured) and {@code Elapsed} (once the job started).
   */
  public static String text(List<JobStatus> jobs) {
    if (jobs.isEmpty()) {
      return NO_JOBS + NL;
    }
    StringBuilder out = new StringBuilder();
    out.append("-------------- job stats ---------------").append(NL);
    for (JobStatus job : jobs) {
      out.append("---------------- job stat ------------------").append(NL);
      out.append("JobName:").append(job.jobName()).append(NL);
      out.append("JobState:").append(job.state().name()).append(NL);
      if (!job.abortReason().isEmpty()) {
        out.append("AbortReason:").append(job.abortReason()).append(NL);
      }
      out.append("PendingTasks:").append(job.pendingTasks()).append(NL);
      out.append("DispatchedTasks:").append(job.dispatchedTasks()).append(NL);
      out.append("RunningTasks:").append(job.runningTasks()).append(NL);
      out.append("SucceedTasks:").append(job.succeedTasks()).append(NL);
      out.append("FailedTasks:").append(job.failedTasks()).append(NL);
      out.append("ScanFinished:").append(job.scanFinished()).append(NL);
      if (job.incremental()) {
        out.append("Incremental: round ").append(job.round());
        out.append(
            job.nextRoundTime() == null ? ", scanning" : ", next scan at " + job.nextRoundTime());
        out.append(NL);
      }
      // not in the original's block: what became of every entry the scan met
      out.append("TotalObjects:").append(job.totalObjects()).append(NL);
      out.append("DoneObjects:").append(job.doneObjects()).append(NL);
      out.append("SkippedObjects:").append(job.skippedObjects()).append(NL);
      out.append("FailedObjects:").append(job.failedObjects()).append(NL);
      // bytes moved with the running tasks' share (parts of large objects in flight included)
      out.append("Progress:").append(job.progressBytes()).append('/').append(job.totalBytes());
      out.append(" bytes, ").append(job.progressObjects()).append('/');
      out.append(job.totalObjects()).append(" objects (").append(JobReport.percent(job));
      out.append("%)").append(NL);
      if (job.bytesPerSecond() >= 0) {
        out.append("Rate:").append(Math.round(job.bytesPerSecond())).append(" B/s, ETA ");
        out.append(job.etaSeconds() < 0 ? "-" : JobReport.duration(job.etaSeconds())).append(NL);
      }
      if (job.elapsedMillis() >= 0) {
        out.append("Elapsed:").append(JobReport.duration(job.elapsedMillis() / 1000)).append(NL);
      }
      out.append("RunningTasks Progress:").append(NL);
      for (TaskProgress task : job.runningTaskProgress()) {
        out.append(task).append(NL);
      }
      out.append("----------------------------------------").append(NL);
    }
    return out.toString();
  }

  /** One JSON object per job, one per line; every number and flag of the snapshot. */
  public static String jsonLines(List<JobStatus> jobs) {
    StringBuilder out = new StringBuilder();
    for (JobStatus job : jobs) {
      out.append('{');
      field(out, "jobName", quote(job.jobName())).append(',');
      field(out, "state", quote(job.state().name())).append(',');
      field(out, "abortReason", job.abortReason().isEmpty() ? null : quote(job.abortReason()))
          .append(',');
      field(out, "pendingTasks", job.pendingTasks()).append(',');
      field(out, "dispatchedTasks", job.dispatchedTasks()).append(',');
      field(out, "runningTasks", job.runningTasks()).append(',');
      field(out, "succeedTasks", job.succeedTasks()).append(',');
      field(out, "failedTasks", job.failedTasks()).append(',');
      field(out, "scanFinished", job.scanFinished()).append(',');
      field(out, "round", job.round()).append(',');
      field(out, "incremental", job.incremental()).append(',');
      field(
              out,
              "nextRoundTime",
              job.nextRoundTime() == null ? null : quote(job.nextRoundTime().toString()))
          .append(',');
      field(out, "totalObjects", job.totalObjects()).append(',');
      field(out, "totalBytes", job.totalBytes()).append(',');
      field(out, "doneObjects", job.doneObjects()).append(',');
      field(out, "doneBytes", job.doneBytes()).append(',');
      field(out, "skippedObjects", job.skippedObjects()).append(',');
      field(out, "failedObjects", job.failedObjects()).append(',');
      field(out, "progressBytes", job.progressBytes()).append(',');
      field(out, "progressObjects", job.progressObjects()).append(',');
      field(out, "bytesPerSecond", job.bytesPerSecond() < 0 ? null : job.bytesPerSecond())
          .append(',');
      field(out, "etaSeconds", job.etaSeconds() < 0 ? null : job.etaSeconds()).append(',');
      field(out, "startTime", job.startTime() == null ? null : quote(job.startTime().toString()))
          .append(',');
      field(out, "finishTime", job.finishTime() == null ? null : quote(job.finishTime().toString()))
          .append(',');
      field(out, "elapsedMillis", job.elapsedMillis() < 0 ? null : job.elapsedMillis()).append(',');
      out.append("\"running\":[");
      String sep = "";
      for (TaskProgress task : job.runningTaskProgress()) {
        out.append(sep).append('{');
        field(out, "taskId", quote(task.taskId())).append(',');
        field(out, "doneBytes", task.doneBytes()).append(',');
        field(out, "totalBytes", task.totalBytes()).append(',');
        field(out, "doneObjects", task.doneObjects()).append(',');
        field(out, "totalObjects", task.totalObjects()).append('}');
        sep = ",";
      }
      out.append("]}").append(NL);
    }
    return out.toString();
  }

  private static StringBuilder field(StringBuilder out, String name, Object value) {
    return out.append('"').append(name).append("\":").append(value);
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }
}
