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

  /**
   * One line for a progress event, e.g. {@code local_test Running: 12/40 objects, 12.0 MiB/50.0 MiB
   * (24%), 1.0 MiB/s, ETA 0:00:38, 0 failed; tasks 1 running, 0 pending}. Bytes count the parts of
   * large objects in flight; the rate is the event's ({@link JobStatus#bytesPerSecond()}).
   */
  public static String progressLine(JobStatus job) {
    String more = job.scanFinished() ? "" : "+";
    return job.jobName()
        + " "
        + job.state()
        + ": "
        + (job.isAudit() ? "audited " : "")
        + job.progressObjects()
        + "/"
        + job.totalObjects()
        + more
        + " objects, "
        + bytes(job.progressBytes())
        + "/"
        + bytes(job.totalBytes())
        + more
        + " ("
        + percent(job)
        + "%), "
        + rate(job.bytesPerSecond())
        + ", ETA "
        + (job.etaSeconds() < 0 ? "-" : duration(job.etaSeconds()))
        + ", "
        + job.failedObjects()
        + " failed; tasks "
        + job.runningTasks()
        + " running, "
        + job.pendingTasks()
        + " pending";
  }

  /** How far the job is, in percent of bytes (of objects when it has no bytes). */
  public static long percent(JobStatus job) {
    long done = Math.min(job.progressBytes(), job.totalBytes());
    if (job.totalBytes() > 0) {
      return done * 100 / job.totalBytes();
    }
    if (job.totalObjects() > 0) {
      return Math.min(job.progressObjects(), job.totalObjects()) * 100 / job.totalObjects();
    }
    return job.scanFinished() ? 100 : 0;
  }

  /** {@code 1.5 MiB/s}, or {@code - B/s} when the rate is unknown. */
  public static String rate(double bytesPerSecond) {
    return bytesPerSecond < 0 ? "- B/s" : bytes((long) bytesPerSecond) + "/s";
  }

  /** Hours, minutes and seconds: {@code 0:00:12}, {@code 27:03:09}. */
  public static String duration(long seconds) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }

  /**
   * {@code " in 0:01:02 (812.3 KiB/s on average)"} for a job that moved {@code bytes} in {@code
   * elapsedMillis}; empty when the time is unknown (negative).
   */
  public static String elapsedAndRate(long elapsedMillis, long bytes) {
    if (elapsedMillis < 0) {
      return "";
    }
    String average =
        elapsedMillis == 0 ? "" : " (" + rate(bytes * 1000.0 / elapsedMillis) + " on average)";
    return " in " + duration((elapsedMillis + 500) / 1000) + average;
  }

  /**
   * The closing summary: counts first, then where to look when something failed, with the advice in
   * {@code words} (the front end's own commands).
   */
  public static List<String> summary(JobStatus job, Path workingDir, RemedyWords words) {
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
      lines.addAll(failedTaskHints(workingDir, job.jobName(), words));
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
        + (job.finishTime() == null ? "" : elapsedAndRate(job.elapsedMillis(), job.doneBytes()))
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
  static String abortMessage(JobStatus job, String retryAndStart) {
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

  /**
   * What fails a front end's build after {@code job}'s summary, in {@code words}: the abort, or the
   * failed tasks of a job that ended; null when the job succeeded or still runs.
   */
  public static String failureOf(JobStatus job, RemedyWords words) {
    if (job.state() == JobState.Running) {
      return null; // still running: the service outcome says why
    }
    if (job.state() == JobState.Abort) {
      return words.abortMessage(job);
    }
    return hasFailedTasks(job) ? words.failedTasksMessage(job) : null;
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
  public static List<String> failedTaskHints(Path workingDir, String jobName, RemedyWords words) {
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
              + ", where it is read again at each start, then run "
              + words.retryAndStart(jobName)
              + ".");
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
