package io.ossimport.core.jobtree;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Every path of the job tree, and the rules for the names that become path segments. The only place
 * that joins paths under the working directory.
 */
final class JobTreeLayout {
  static final String JOB_FILE = "JOB";
  static final String CONFIG_FILE = "job.cfg";
  static final String TASK_FILE = "TASK";
  static final String STATUS_FILE = "STATUS";
  static final String DONE_FILE = "DONE";
  static final String AUDIT_FILE = "audit.log";
  static final String ERROR_FILE = "error.list";
  static final String SKIPPED_FILE = "skipped.list";

  /** In a redo task built by {@code retry}: the failed task directory it replaces. */
  static final String ORIGIN_FILE = "ORIGIN";

  static final String PENDING = "pending_tasks";
  static final String DISPATCHED = "dispatched";
  static final String SUCCEED = "succeed_tasks";
  static final String FAILED = "failed_tasks";
  static final String CHECKPOINTS = "checkpoints";

  /** A task directory whose checkpoint may not be written yet (see {@code docs/JOB-TREE.md}). */
  static final String STAGED_PREFIX = ".staged-";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

  private final Path workingDir;

  JobTreeLayout(Path workingDir) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  Path workingDir() {
    return workingDir;
  }

  Path masterDir() {
    return workingDir.resolve("master");
  }

  Path queueDir() {
    return masterDir().resolve("jobqueue");
  }

  Path jobsDir() {
    return masterDir().resolve("jobs");
  }

  Path workerJobsDir() {
    return workingDir.resolve("worker").resolve("jobs");
  }

  Path logsDir() {
    return workingDir.resolve("logs");
  }

  Path lockFile() {
    return masterDir().resolve(".lock");
  }

  /** The request of another process (or {@code stop}) that the running service stop. */
  Path stopRequestFile() {
    return masterDir().resolve(".stop-request");
  }

  Path queueEntry(String job) {
    return queueDir().resolve(checkJobName(job));
  }

  Path jobDir(String job) {
    return jobsDir().resolve(checkJobName(job));
  }

  Path jobFile(String job) {
    return jobDir(job).resolve(JOB_FILE);
  }

  Path configFile(String job) {
    return jobDir(job).resolve(CONFIG_FILE);
  }

  /**
   * {@code checkpoints/}, holding one directory per scan round: {@code 0} for the first pass,
   * {@code n} for the n-th rescan of an incremental job.
   */
  Path skippedList(String job) {
    return jobDir(job).resolve(SKIPPED_FILE);
  }

  Path checkpointsDir(String job) {
    return jobDir(job).resolve(CHECKPOINTS);
  }

  Path stateDir(String job, TaskState state) {
    switch (state) {
      case PENDING:
        return jobDir(job).resolve(PENDING);
      case DISPATCHED:
        return jobDir(job).resolve(DISPATCHED);
      case SUCCEED:
        return jobDir(job).resolve(SUCCEED);
      default:
        return jobDir(job).resolve(FAILED);
    }
  }

  Path pendingTask(String job, TaskId id) {
    return stateDir(job, TaskState.PENDING).resolve(id.toString());
  }

  Path stagedTask(String job, TaskId id) {
    return stateDir(job, TaskState.PENDING).resolve(STAGED_PREFIX + id);
  }

  Path dispatchedWorkerDir(String job, String worker) {
    return stateDir(job, TaskState.DISPATCHED).resolve(checkWorkerName(worker));
  }

  Path dispatchedTask(String job, TaskId id, String worker) {
    return dispatchedWorkerDir(job, worker).resolve(id.toString());
  }

  Path finalTask(String job, TaskId id, String worker, TaskStatus status) {
    TaskState state = status == TaskStatus.COMPLETED ? TaskState.SUCCEED : TaskState.FAILED;
    return stateDir(job, state).resolve(id.finalDirName(checkWorkerName(worker)));
  }

  /** The directory of a task in the state {@code ref} names. */
  Path taskDir(String job, TaskRef ref) {
    switch (ref.state()) {
      case PENDING:
        return pendingTask(job, ref.id());
      case DISPATCHED:
        return dispatchedTask(job, ref.id(), ref.worker());
      case SUCCEED:
        return finalTask(job, ref.id(), ref.worker(), TaskStatus.COMPLETED);
      default:
        return finalTask(job, ref.id(), ref.worker(), TaskStatus.FAILED);
    }
  }

  Path workerJobDir(String job) {
    return workerJobsDir().resolve(checkJobName(job));
  }

  Path workerTasksDir(String job) {
    return workerJobDir(job).resolve("tasks");
  }

  Path workerTaskDir(String job, TaskId id) {
    return workerTasksDir(job).resolve(id.toString());
  }

  /** Whether {@code name} may be a job name: 1-100 of {@code [A-Za-z0-9_.-]}, not starting '.'. */
  static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  static String checkJobName(String job) {
    if (!isValidName(job)) {
      throw new IllegalArgumentException(
          "Invalid job name '"
              + job
              + "': use 1 to 100 letters, digits, '_', '-' or '.', starting with a letter, digit"
              + " or '_' (for example local_test)");
    }
    return job;
  }

  static String checkWorkerName(String worker) {
    if (!isValidName(worker)) {
      throw new IllegalArgumentException(
          "Invalid worker name '"
              + worker
              + "': use 1 to 100 letters, digits, '_', '-' or '.' (a host name or IPv4 address,"
              + " for example localhost)");
    }
    return worker;
  }
}
