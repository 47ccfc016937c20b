package io.ossimport.core.api;

import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.jobtree.JobTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text the build-tool front ends (Maven goals, Ant tasks) log about a job: one progress line,
 * and the closing summary that says what was moved, what failed and where to read why.
 */
public final class JobReport {
  /** How many failed task directories the summary names; the rest are counted. */
  public static final int FAILED_TASKS_SHOWN = 5;

  private JobReport() {}

  /** One line for a progress event, e.g. {@code local_test Running: 12/40 objects, ...}. */
  public static String progressLine(JobStatus job) {
    return job.jobName()
        + " "
        + job.state()
        + ": "
        + (job.isAudit() ? "audited " : "")
        + job.doneObjects()
        + "/"
        + job.totalObjects()
        + (job.scanFinished() ? "" : "+")
        + " objects, "
        + bytes(job.doneBytes())
        + "/"
        + bytes(job.totalBytes())
        + ", "
        + job.failedObjects()
        + " failed; tasks "
        + job.runningTasks()
        + " running, "
        + job.pendingTasks()
        + " pending";
  }

  /** The closing summary: counts first, then where to look when something failed. */
  public static List<String> summary(JobStatus job, Path workingDir) {
    List<String> lines = new ArrayList<String>();
    lines.add(job.isAudit() ? auditCounts(job) : importCounts(job));
    if (!job.abortReason().isEmpty()) {
      lines.add("Aborted: " + job.abortReason() + ".");
    }
    lines.add(
        "Tasks: "
            + job.succeedTasks()
            + " succeeded, "
            + job.failedTasks()
            + " failed, "
            + job.pendingTasks()
            + " pending, "
            + (job.dispatchedTasks() + job.runningTasks())
            + " running.");
    if (job.failedTasks() > 0) {
      lines.addAll(failedTaskHints(workingDir, job.jobName()));
    }
    if (!job.isAudit() && job.skippedObjects() > 0) {
      lines.add(skippedHint(workingDir, job.jobName()));
    }
    return lines;
  }

  private static String importCounts(JobStatus job) {
    return "Job "
        + job.jobName()
        + ": "
        + job.state()
        + ". Objects: "
        + job.doneObjects()
        + " of "
        + job.totalObjects()
        + " done ("
        + job.skippedObjects()
        + " skipped by a rule), "
        + job.failedObjects()
        + " failed; "
        + bytes(job.doneBytes())
        + " of "
        + bytes(job.totalBytes())
        + ".";
  }

  /** An audit moves nothing: its done objects were compared and found equal. */
  private static String auditCounts(JobStatus job) {
    return "Job "
        + job.jobName()
        + ": "
        + job.state()
        + ". Audited objects: "
        + (job.doneObjects() - job.skippedObjects())
        + " of "
        + job.totalObjects()
        + " verified equal, "
        + job.skippedObjects()
        + " not verified (modified after lastModify, or skipped by a rule: see skipped.list), "
        + job.failedObjects()
        + " differ or could not be compared; "
        + bytes(job.totalBytes())
        + " audited in all.";
  }

  /**
   * The failure message of a front end for an {@code Abort}ed job: the cause when recorded, and the
   * recovery ({@code retryAndStart} names the front end's retry and start, e.g. {@code
   * ossimport:retry and ossimport:start}).
   */
  public static String abortMessage(JobStatus job, String retryAndStart) {
    return "Job "
        + job.jobName()
        + " was aborted"
        + (job.abortReason().isEmpty()
            ? " by the engine; see the log above"
            : ": " + job.abortReason())
        + ". Fix the cause, then run "
        + retryAndStart
        + ": the objects already done are kept.";
  }

  /** True when the job finished with failed tasks (Failed), or has failed tasks at all. */
  public static boolean hasFailedTasks(JobStatus job) {
    return job.state() == JobState.Failed || job.failedTasks() > 0;
  }

  /**
   * Names the audit.log and error.list of the failed tasks. The layout is the documented job tree
   * ({@code master/jobs/<job>/failed_tasks/<taskId>@<worker>/}), the same place the original
   * ossimport sends its users to.
   */
  public static List<String> failedTaskHints(Path workingDir, String jobName) {
    List<String> lines = new ArrayList<String>();
    Path failed =
        workingDir.resolve("master").resolve("jobs").resolve(jobName).resolve("failed_tasks");
    lines.add("Why each task failed: its audit.log; which files: its error.list, in " + failed);
    int shown = 0;
    int more = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(failed)) {
      for (Path task : tasks) {
        if (task.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (shown < FAILED_TASKS_SHOWN) {
          lines.add("  " + task.resolve("audit.log") + " , " + task.resolve("error.list"));
          shown++;
        } else {
          more++;
        }
      }
    } catch (IOException e) {
      // The directory is gone (cleaned or retried meanwhile): the pointer above is all we have.
    }
    if (more > 0) {
      lines.add("  ... and " + more + " more failed tasks");
    }
    String origin = credentialOrigin(workingDir, jobName);
    if (origin != null) {
      lines.add(
          "If OSS refused the AccessKey (InvalidAccessKeyId, SignatureDoesNotMatch,"
              + " SecurityTokenExpired): fix it in "
              + origin
              + ", where it is read again at each start, then run retry and start.");
    }
    return lines;
  }

  /**
   * Names the job's {@code skipped.list}: each object a rule left alone (skip-existing, {@code
   * importSince}, a symbolic link while {@code isAllowSymbolicLink=false}) with that rule.
   */
  public static String skippedHint(Path workingDir, String jobName) {
    return "Skipped objects and the rule that skipped each: "
        + workingDir.resolve("master").resolve("jobs").resolve(jobName).resolve("skipped.list");
  }

  /** Where the job's destination secret comes from, in words; null if unknown. */
  private static String credentialOrigin(Path workingDir, String jobName) {
    try {
      String frozen = new JobTree(workingDir).readFrozenConfig(jobName);
      for (String line : frozen.split("\n")) {
        if (line.startsWith("destSecretKey=")) {
          return CredentialResolver.describeReference(line.substring("destSecretKey=".length()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no job tree to read (cleaned meanwhile): no hint
    }
    return null;
  }

  /** Bytes in binary units with one decimal, e.g. {@code 1.5 MiB}. */
  public static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
