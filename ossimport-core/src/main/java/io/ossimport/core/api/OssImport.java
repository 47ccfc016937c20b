package io.ossimport.core.api;

import io.ossimport.core.service.Operations;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The engine's one entry point for every front end: {@code submit}, {@code start}, {@code stop},
 * {@code stat}, {@code retry}, {@code clean}, {@code diff} and {@code version} on the working
 * directory that {@code sys.properties} names.
 *
 * <pre>{@code
 * OssImport ossimport = OssImport.open(Paths.get("conf/sys.properties"), listener);
 * ossimport.submit(Paths.get("conf/local_job.cfg"));
 * try (RunningService service = ossimport.start()) {
 *   JobStatus done = service.awaitJob("local_test", Long.MAX_VALUE);
 *   System.out.print(StatReport.text(Collections.singletonList(done)));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Cheap to create; it holds no threads until {@link #start()}. The engine prints
 * nothing: everything an operator should see arrives at the listener as {@link ImportEvent}s, and
 * no event, exception message or {@code stat} output contains a secret.
 */
public final class OssImport {
  private final Operations operations;
  private final Path sysProperties;
  private final SuppliedCredentials supplied;

  private OssImport(Operations operations, Path sysProperties, SuppliedCredentials supplied) {
    this.operations = operations;
    this.sysProperties = sysProperties;
    this.supplied = supplied;
  }

  /**
   * Opens the working directory that {@code sysProperties} names, with this process's environment
   * for credentials a job file leaves empty ({@code OSS_ACCESS_KEY_ID}, {@code
   * OSS_ACCESS_KEY_SECRET}).
   */
  public static OssImport open(Path sysProperties, ImportListener listener)
      throws ConfigurationException {
    return open(sysProperties, Collections.<String, String>emptyMap(), System.getenv(), listener);
  }

  /**
   * Opens a working directory. A relative {@code workingDir} is resolved against the current
   * directory, as the original's scripts ran the jar from the package directory.
   *
   * @param sysPropertiesOrNull {@code sys.properties}, or {@code null} for the defaults
   * @param sysOverrides keys that replace the file's
   * @param environment where empty job credentials are taken from
   * @param listener receives every event; must be thread-safe and must not throw
   * @throws ConfigurationException listing every problem of the system configuration
   */
  public static OssImport open(
      Path sysPropertiesOrNull,
      Map<String, String> sysOverrides,
      Map<String, String> environment,
      ImportListener listener)
      throws ConfigurationException {
    return open(
        sysPropertiesOrNull, sysOverrides, environment, SuppliedCredentials.none(), listener);
  }

  /**
   * Opens a working directory with credentials the front end supplies itself (a Maven {@code
   * <server>}, Ant properties). The job tree never holds a secret: submit records where each secret
   * came from, and start, retry and clean read it there again, so a front end passes the same
   * {@code supplied} origins to every operation.
   *
   * @param supplied credentials by origin; they override the job file's keys at submit
   * @throws ConfigurationException listing every problem of the system configuration
   */
  public static OssImport open(
      Path sysPropertiesOrNull,
      Map<String, String> sysOverrides,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      ImportListener listener)
      throws ConfigurationException {
    return new OssImport(
        Operations.open(sysPropertiesOrNull, sysOverrides, environment, supplied, listener),
        sysPropertiesOrNull,
        supplied);
  }

  /** The working directory ({@code workingDir} of sys.properties, resolved). */
  public Path workingDir() {
    return operations.workingDir();
  }

  /**
   * Validates the job file and freezes it into the working directory; nothing is written when it is
   * rejected.
   */
  public SubmitResult submit(Path jobConfig) throws OssImportException {
    return submit(jobConfig, Collections.<String, String>emptyMap());
  }

  /**
   * Validates a job (a file, inline keys over it, or inline keys alone; empty credentials from the
   * environment) and freezes it into the working directory, owner-only. Nothing is written when it
   * is rejected. Emits {@code submit job:<path>} and {@code submit job:<name> success!} as the
   * original printed them.
   *
   * @throws ConfigurationException listing every problem (the local {@code srcPrefix} must exist
   *     and be a directory)
   * @throws JobConflictException if a job of that name exists (clean it first, or start to go on)
   */
  public SubmitResult submit(Path jobConfigOrNull, Map<String, String> jobOverrides)
      throws OssImportException {
    return submit(jobConfigOrNull, jobOverrides, SubmitCheck.ONLINE);
  }

  /**
   * As {@link #submit(Path, Map)}, with {@link SubmitCheck#ONLINE} (the destination is contacted:
   * endpoint, bucket, AccessKey and write permission) or {@link SubmitCheck#OFFLINE} (only what
   * needs no network).
   *
   * @throws ConfigurationException listing every problem, including what the destination answered
   */
  public SubmitResult submit(
      Path jobConfigOrNull, Map<String, String> jobOverrides, SubmitCheck check)
      throws OssImportException {
    return operations.submit(jobConfigOrNull, jobOverrides, check);
  }

  /**
   * What {@link #submit(Path, Map)} would import, without submitting: the job configuration is
   * loaded and checked as submit checks it (a bad one fails with the same {@link
   * ConfigurationException}), then the source is listed with the job's rules. Nothing is written
   * (no job directory, no queue entry) and the destination is not contacted, so objects already
   * there are not looked for. Configuration warnings come as WARN events, as at submit.
   *
   * @throws ConfigurationException listing every problem of the job configuration
   * @throws OssImportException if the source cannot be opened or listed
   */
  public DryRunReport dryRun(Path jobConfigOrNull, Map<String, String> jobOverrides)
      throws OssImportException {
    return operations.dryRun(jobConfigOrNull, jobOverrides);
  }

  /**
   * Compares the job's source with its destination without a job, as {@code rclone check}: every
   * object the job's selection rules select is matching, missing or different at the destination;
   * every other destination object under {@code destPrefix} is extra (unless the rules leave its
   * source object or its path out). Nothing is written to the destination nor to the job tree; the
   * report file, one line per object that does not match, goes to {@code
   * <workingDir>/logs/diff-<jobName>-<UTC time>.report}. Memory stays bounded whatever the count: a
   * local or URL-list source is sorted in chunk files under the working directory, deleted at the
   * end.
   *
   * @param jobConfigOrNull the job file as for {@link #submit(Path, Map)}, or null for inline keys
   * @param check {@link DiffCheck#SIZE_AND_MTIME} from the listings alone, or {@link
   *     DiffCheck#CHECKSUM} adding a HEAD per object for its CRC-64
   * @throws ConfigurationException listing every problem, as {@code submit}
   * @throws OssImportException if a side cannot be listed (the message says which and why)
   */
  public DiffReport diff(Path jobConfigOrNull, Map<String, String> jobOverrides, DiffCheck check)
      throws OssImportException {
    return operations.diff(jobConfigOrNull, jobOverrides, check);
  }

  /**
   * Starts master, tracker and worker in this JVM, holding the working directory's lock, and
   * returns at once. A crashed earlier run is repaired first: its tasks resume where they stopped.
   *
   * @throws ServiceRunningException if another service (or a clean) holds the working directory
   */
  public RunningService start() throws OssImportException {
    return operations.start();
  }

  /**
   * Asks the service running on this working directory (this or another process) to stop gracefully
   * and waits up to {@code timeoutMillis}.
   *
   * @return true when it stopped, or none was running; false when it still runs (kill it by {@link
   *     #servicePid()})
   */
  public boolean stop(long timeoutMillis) throws OssImportException {
    return operations.stop(timeoutMillis);
  }

  /**
   * Runs the service in this JVM until the named job (or every job) ends, or {@code timeoutSeconds}
   * pass (0: no limit), then stops it; a job still running keeps its progress for the next start.
   * The outcome holds each job's last snapshot.
   *
   * @param jobNameOrNull the job, or null for every job of the working directory
   * @throws JobConflictException if there is no job ({@link Remedy#SUBMIT_JOB})
   * @throws ServiceRunningException if another service holds the working directory
   */
  public ServiceOutcome runJobs(String jobNameOrNull, long timeoutSeconds)
      throws OssImportException, InterruptedException {
    return ServiceControl.runJobs(this, jobNameOrNull, timeoutSeconds);
  }

  /**
   * Starts the service as a separate {@code java -cp classpath ServiceMain} process that outlives
   * this one ({@code console.sh start}, {@code ossimport:start -Dossimport.background}), with this
   * facade's sys.properties and supplied credentials (on its standard input, never its command
   * line), output appended to {@code <workingDir>/logs/ossimport2.log}; returns once it holds the
   * working-directory lock.
   *
   * @param classpath where the process finds core and its dependencies
   * @throws ServiceRunningException if a service already runs ({@link Remedy#STOP_SERVICE})
   * @throws OssImportException if it exits at once (the message holds its log's tail) or does not
   *     take the lock within {@code waitSeconds}
   */
  public ServiceOutcome startInBackground(String classpath, long waitSeconds)
      throws OssImportException, InterruptedException {
    return ServiceControl.startInBackground(this, classpath, sysProperties, supplied, waitSeconds);
  }

  /**
   * Stops the service of this working directory (any process) gracefully and waits up to {@code
   * timeoutSeconds}: {@code NOT_RUNNING}, {@code STOPPED} or {@code STOP_TIMED_OUT} (with the PID
   * still holding the lock).
   */
  public ServiceOutcome stopAndWait(long timeoutSeconds) throws OssImportException {
    return ServiceControl.stopAndWait(this, timeoutSeconds);
  }

  /**
   * The named job, or every job of the working directory.
   *
   * @throws JobConflictException if there is none ({@link Remedy#SUBMIT_JOB})
   */
  public List<String> jobNames(String jobNameOrNull) throws OssImportException {
    return ServiceControl.jobNames(this, jobNameOrNull);
  }

  /**
   * The named job, or the only job of the working directory.
   *
   * @throws JobConflictException if there is none ({@link Remedy#SUBMIT_JOB}) or several ({@link
   *     Remedy#NAME_JOB})
   */
  public String singleJob(String jobNameOrNull) throws OssImportException {
    return ServiceControl.singleJob(this, jobNameOrNull);
  }

  /** PID of the running service (or of a clean in progress), or -1. */
  public long servicePid() {
    return operations.servicePid();
  }

  /** Every job's snapshot, by name, from the tree only. Empty: no job. */
  public List<JobStatus> stat() throws OssImportException {
    return operations.stat();
  }

  /**
   * One job's snapshot, from the tree only.
   *
   * @throws JobConflictException if there is no job of that name
   */
  public JobStatus stat(String jobName) throws OssImportException {
    return operations.stat(jobName);
  }

  /**
   * What a front end's stat shows: the named job's snapshot, or every job's when {@code
   * jobNameOrNull} is null or empty.
   *
   * @throws JobConflictException if a job is named and there is none of that name
   */
  public List<JobStatus> statJobs(String jobNameOrNull) throws OssImportException {
    if (jobNameOrNull == null || jobNameOrNull.isEmpty()) {
      return stat();
    }
    return Collections.singletonList(stat(jobNameOrNull));
  }

  /**
   * One job's state, from its JOB record alone: unlike {@link #stat(String)} no task file is read,
   * so a front end can poll it every few hundred milliseconds to see the job end at once.
   *
   * @throws JobConflictException if there is no job of that name
   */
  public JobState state(String jobName) throws OssImportException {
    return operations.state(jobName);
  }

  /**
   * Moves the job's failed tasks back to pending; only their failed objects are redone. The job is
   * {@code Running} again (an {@code Abort}ed one too). Works beside a running service.
   *
   * @throws JobConflictException if there is no job of that name
   */
  public RetryResult retry(String jobName) throws OssImportException {
    return operations.retry(jobName);
  }

  /**
   * Removes the job and aborts the multipart uploads it left open; refused while the service runs.
   * Emits {@code delete jobs dir:<path>} as the original printed it.
   *
   * @throws ServiceRunningException while the service runs
   * @throws JobConflictException if there is no job of that name
   */
  public void clean(String jobName) throws OssImportException {
    operations.clean(jobName);
  }

  /** {@code ossimport <version>}, the version this engine was built as. */
  public static String version() {
    return Operations.version();
  }
}
