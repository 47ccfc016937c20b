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
   * skipped.list}) and {@code FailedObjects} (in the failed tasks' {@code error.list}).
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
