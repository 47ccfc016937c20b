package io.ossimport.ant;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.StatReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code <ossimport:stat workdir="work" prefix="migration"/>}: logs the jobs in the original {@code
 * stat} shape ({@code JobState:Succeed} ...) and publishes the named (or only) job as properties:
 * {@code <prefix>.state} (Running, Succeed, Failed, Abort), {@code .pending}, {@code .running},
 * {@code .succeeded}, {@code .failed} (tasks), {@code .scanfinished}, {@code .objects}, {@code
 * .doneobjects}, {@code .skippedobjects}, {@code .failedobjects}, {@code .totalbytes}, {@code
 * .bytes} (done), {@code .abortreason} (only for an aborted job: why, and what to fix); and {@code
 * <prefix>.jobs}, the comma-separated job names. Like every Ant property they are set once per
 * build. A job with failed tasks then fails the task unless {@code failonerror="false"}.
 */
public class StatTask extends AbstractJobTask {
  private String prefix = "ossimport";

  /** Prefix of the published properties; default {@code ossimport}. */
  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  @Override
  protected void run(AntRunner runner) {
    final String name = jobname();
    List<JobStatus> jobs = runner.run(ossImport -> ossImport.statJobs(name));
    for (String line : StatReport.text(jobs).split("\n")) {
      log(line);
    }
    List<String> names = new ArrayList<String>();
    for (JobStatus job : jobs) {
      names.add(job.jobName());
    }
    publish("jobs", String.join(",", names));
    if (jobs.size() == 1) {
      publish(jobs.get(0));
    }
    Path workingDir = runner.run(OssImport::workingDir);
    for (JobStatus job : jobs) {
      runner.report(job, workingDir);
    }
  }

  private void publish(JobStatus job) {
    publish("state", job.state().name());
    publish("pending", job.pendingTasks());
    publish("running", job.dispatchedTasks() + job.runningTasks());
    publish("succeeded", job.succeedTasks());
    publish("failed", job.failedTasks());
    publish("scanfinished", String.valueOf(job.scanFinished()).toLowerCase(Locale.ROOT));
    publish("objects", job.totalObjects());
    publish("doneobjects", job.doneObjects());
    publish("skippedobjects", job.skippedObjects());
    publish("failedobjects", job.failedObjects());
    publish("totalbytes", job.totalBytes());
    publish("bytes", job.doneBytes());
    if (!job.abortReason().isEmpty()) {
      publish("abortreason", job.abortReason());
    }
  }

  private void publish(String name, long value) {
    publish(name, String.valueOf(value));
  }

  private void publish(String name, String value) {
    getProject().setNewProperty(prefix + "." + name, value);
  }
}
