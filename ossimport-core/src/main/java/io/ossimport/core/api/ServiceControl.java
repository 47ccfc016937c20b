package io.ossimport.core.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service operations every front end offers, written once: run until the jobs end with a
 * deadline, start in the background and wait until it runs, stop and wait. Only through the facade,
 * so it stays in {@code api} without reaching into the engine.
 */
final class ServiceControl {
  /** The background service's log, under the working directory, as {@code console.sh} has it. */
  static final String LOG_FILE = "ossimport2.log";

  /**
   * "No limit" for {@code awaitJob}: a century, not {@code Long.MAX_VALUE}, which the engine adds
   * to the clock (and which then overflows into the past).
   */
  private static final long NO_LIMIT_MILLIS = TimeUnit.DAYS.toMillis(36500);

  private static final long POLL_MILLIS = 200;

  private ServiceControl() {}

  /** The named job, or every job; none is a {@link Remedy#SUBMIT_JOB} conflict. */
  static List<String> jobNames(OssImport ossImport, String nameOrNull) throws OssImportException {
    List<String> names = new ArrayList<String>();
    if (nameOrNull != null && !nameOrNull.isEmpty()) {
      names.add(nameOrNull);
      return names;
    }
    for (JobStatus job : ossImport.stat()) {
      names.add(job.jobName());
    }
    if (names.isEmpty()) {
      throw new JobConflictException(
          null, "No job in " + ossImport.workingDir() + ".", Remedy.SUBMIT_JOB);
    }
    return names;
  }

  /** The named job, or the only one; several is a {@link Remedy#NAME_JOB} conflict. */
  static String singleJob(OssImport ossImport, String nameOrNull) throws OssImportException {
    List<String> names = jobNames(ossImport, nameOrNull);
    if (names.size() > 1) {
      throw new JobConflictException(
          null, "Several jobs in " + ossImport.workingDir() + ": " + names + ".", Remedy.NAME_JOB);
    }
    return names.get(0);
  }

  static ServiceOutcome runJobs(OssImport ossImport, String nameOrNull, long timeoutSeconds)
      throws OssImportException, InterruptedException {
    List<String> names = jobNames(ossImport, nameOrNull);
    long deadline =
        timeoutSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds) : 0;
    List<JobStatus> jobs = new ArrayList<JobStatus>();
    long pid;
    boolean stoppedEarly;
    try (RunningService service = ossImport.start()) {
      pid = ossImport.servicePid();
      for (String name : names) {
        long left =
            deadline == 0
                ? NO_LIMIT_MILLIS
                : Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        jobs.add(service.awaitJob(name, left));
      }
      stoppedEarly = !service.isRunning();
    }
    ServiceOutcome.Kind kind = ServiceOutcome.Kind.JOBS_ENDED;
    for (JobStatus job : jobs) {
      if (job.state() == JobState.Running) {
        kind =
            stoppedEarly || timeoutSeconds == 0
                ? ServiceOutcome.Kind.SERVICE_STOPPED
                : ServiceOutcome.Kind.DEADLINE_PASSED;
      }
    }
    return new ServiceOutcome(kind, pid, jobs, null, timeoutSeconds);
  }

  static ServiceOutcome startInBackground(
      OssImport ossImport,
      String classpath,
      Path sysConfigOrNull,
      SuppliedCredentials supplied,
      long waitSeconds)
      throws OssImportException, InterruptedException {
    Path workingDir = ossImport.workingDir();
    long running = ossImport.servicePid();
    if (running > 0) {
      throw new ServiceRunningException(
          "An ossimport service (pid " + running + ") already runs on " + workingDir + ".",
          null,
          running);
    }
    Path log = workingDir.resolve("logs").resolve(LOG_FILE);
    Process process;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command(classpath, workingDir, sysConfigOrNull));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
      ServiceMain.writeCredentials(supplied, process.getOutputStream());
    } catch (IOException e) {
      throw new OssImportException("Cannot start the ossimport service: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    long pid;
    while ((pid = ossImport.servicePid()) <= 0) {
      if (!process.isAlive()) {
        throw new OssImportException(
            "The ossimport service exited with code "
                + process.exitValue()
                + " right after it started; its log "
                + log
                + " ends with:\n"
                + tail(log, 20));
      }
      if (System.nanoTime() > deadline) {
        process.destroy();
        throw new OssImportException(
            "The ossimport service did not take the working directory lock within "
                + waitSeconds
                + " s; see "
                + log);
      }
      Thread.sleep(POLL_MILLIS);
    }
    return new ServiceOutcome(
        ServiceOutcome.Kind.STARTED_IN_BACKGROUND,
        pid,
        new ArrayList<JobStatus>(),
        log,
        waitSeconds);
  }

  static ServiceOutcome stopAndWait(OssImport ossImport, long timeoutSeconds)
      throws OssImportException {
    long pid = ossImport.servicePid();
    if (pid <= 0) {
      return new ServiceOutcome(
          ServiceOutcome.Kind.NOT_RUNNING, -1, new ArrayList<JobStatus>(), null, 0);
    }
    boolean stopped = ossImport.stop(TimeUnit.SECONDS.toMillis(timeoutSeconds));
    long holder = ossImport.servicePid();
    ServiceOutcome.Kind kind =
        stopped || holder <= 0 ? ServiceOutcome.Kind.STOPPED : ServiceOutcome.Kind.STOP_TIMED_OUT;
    return new ServiceOutcome(
        kind, holder > 0 ? holder : pid, new ArrayList<JobStatus>(), null, timeoutSeconds);
  }

  private static List<String> command(String classpath, Path workingDir, Path sysConfigOrNull) {
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath);
    command.add(ServiceMain.class.getName());
    command.add(ServiceMain.CREDENTIALS_ON_STDIN); // the job tree keeps no secret
    command.add(ServiceMain.WORK_DIR);
    command.add(workingDir.toString());
    if (sysConfigOrNull != null) {
      command.add(ServiceMain.SYS_CONFIG);
      command.add(sysConfigOrNull.toAbsolutePath().toString());
    }
    return command;
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
