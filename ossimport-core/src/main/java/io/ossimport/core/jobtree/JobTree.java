package io.ossimport.core.jobtree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The on-disk job tree under a working directory: the engine's single source of truth, and the only
 * class that knows its layout.
 *
 * <pre>
 * &lt;workingDir&gt;/
 *   master/jobqueue/&lt;job&gt;/               submitted, scan not finished (always, if incremental)
 *   master/jobs/&lt;job&gt;/JOB, job.cfg, checkpoints/&lt;round&gt;/&lt;seq&gt;.cpt
 *                                          (round 0 = first pass, n = n-th incremental rescan;
 *                                          the current and the previous round are kept)
 *   master/jobs/&lt;job&gt;/pending_tasks/&lt;id&gt;/TASK
 *   master/jobs/&lt;job&gt;/dispatched/&lt;worker&gt;/&lt;id&gt;/TASK
 *   master/jobs/&lt;job&gt;/succeed_tasks|failed_tasks/&lt;id&gt;@&lt;worker&gt;/TASK, STATUS, DONE, audit.log, error.list
 *   worker/jobs/&lt;job&gt;/tasks/&lt;id&gt;/         progress.log, audit.log, multipart/
 *   logs/
 * </pre>
 *
 * <p>Every operation is crash-safe: it either happened or did not, or it left an intermediate state
 * that {@link #recover} (run at service start, under the {@link #lockService service lock})
 * completes or undoes without losing or duplicating a task. Several threads may move different
 * tasks at once; a job's JOB record and checkpoints are updated under a per-job monitor. Formats
 * and the argument for each transition: {@code docs/JOB-TREE.md}.
 */
public final class JobTree {
  private final JobTreeLayout layout;
  private final Clock clock;
  private final TaskListing listing;
  private final TaskTransitions transitions;
  private final TreeRecovery recovery;
  private final ConcurrentHashMap<String, Object> jobMonitors = new ConcurrentHashMap<>();

  /** The job tree under {@code workingDir} (created on first write). */
  public JobTree(Path workingDir) {
    this(workingDir, Clock.systemUTC());
  }

  /** As {@link #JobTree(Path)}, with the clock used for task ids and timestamps. */
  public JobTree(Path workingDir, Clock clock) {
    this.layout = new JobTreeLayout(workingDir);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listing = new TaskListing(layout);
    this.transitions = new TaskTransitions(this, layout);
    this.recovery = new TreeRecovery(this, layout, transitions);
  }

  public Path workingDir() {
    return layout.workingDir();
  }

  /** {@code <workingDir>/logs}, for the log writers. */
  public Path logsDir() {
    return layout.logsDir();
  }

  // ---- jobs ----

  /**
   * Submits a job: {@code master/jobs/<job>/} with its JOB record and {@code job.cfg}, the frozen
   * configuration (owner-only: it holds secrets), appears in one rename; then the queue entry
   * {@code master/jobqueue/<job>/}.
   *
   * @throws JobExistsException if a job of that name exists, with the advice to clean it first
   */
  public JobRecord submit(String job, String frozenConfigText) throws IOException {
    JobTreeLayout.checkJobName(job);
    synchronized (monitor(job)) {
      refuseExisting(job);
      AtomicFiles.createDirectories(layout.jobsDir());
      AtomicFiles.createDirectories(layout.queueDir());
      Path staging = layout.jobsDir().resolve(AtomicFiles.tempName(job));
      Files.createDirectory(staging);
      try {
        final byte[] config = frozenConfigText.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeOwnerOnly(
            staging.resolve(JobTreeLayout.CONFIG_FILE), o -> o.write(config));
        JobRecord record = JobRecord.submitted(job, sha256(config), Instant.now(clock));
        JobRecordFile.write(staging.resolve(JobTreeLayout.JOB_FILE), record);
        for (String dir :
            new String[] {
              JobTreeLayout.CHECKPOINTS,
              JobTreeLayout.PENDING,
              JobTreeLayout.DISPATCHED,
              JobTreeLayout.SUCCEED,
              JobTreeLayout.FAILED
            }) {
          Files.createDirectory(staging.resolve(dir));
        }
        AtomicFiles.fsyncDirectory(staging);
        if (Files.exists(layout.jobDir(job))) {
          refuseExisting(job); // submitted concurrently by another process
        }
        AtomicFiles.move(staging, layout.jobDir(job));
        AtomicFiles.createDirectories(layout.queueEntry(job));
        return record;
      } finally {
        AtomicFiles.deleteQuietly(staging);
      }
    }
  }

  /**
   * Refuses a name already taken by a job or a queued submit; submit asks before it contacts the
   * destination, and again when it writes.
   */
  public void refuseExisting(String job) throws JobExistsException {
    for (Path existing : new Path[] {layout.jobDir(job), layout.queueEntry(job)}) {
      if (Files.exists(existing)) {
        throw new JobExistsException(
            "A job named '"
                + job
                + "' already exists ("
                + existing
                + "): a job of an existing name cannot be submitted.");
      }
    }
  }

  /** Whether {@code master/jobs/<job>/} exists. */
  public boolean jobExists(String job) {
    return Files.isDirectory(layout.jobDir(job));
  }

  /** The names of all jobs, lazily; close the stream. */
  public Stream<String> jobs() throws IOException {
    return jobNames(layout.jobsDir());
  }

  /** The jobs whose scan has not finished ({@code master/jobqueue}), lazily; close the stream. */
  public Stream<String> queuedJobs() throws IOException {
    return jobNames(layout.queueDir());
  }

  private static Stream<String> jobNames(Path dir) throws IOException {
    return TaskListing.entries(dir)
        .filter(Files::isDirectory)
        .map(p -> p.getFileName().toString())
        .filter(JobTreeLayout::isValidName);
  }

  public JobRecord readJob(String job) throws IOException {
    requireJob(job);
    return JobRecordFile.read(layout.jobFile(job));
  }

  /** Rewrites the JOB record atomically with {@code change} applied; serialized per job. */
  public JobRecord updateJob(String job, UnaryOperator<JobRecord> change) throws IOException {
    synchronized (monitor(job)) {
      JobRecord updated = change.apply(readJob(job));
      if (!updated.name().equals(job)) {
        throw new IllegalArgumentException("a JOB record cannot be renamed to " + updated.name());
      }
      JobRecordFile.write(layout.jobFile(job), updated);
      return updated;
    }
  }

  /** The frozen configuration text {@code submit} stored. */
  public String readFrozenConfig(String job) throws IOException {
    requireJob(job);
    return new String(Files.readAllBytes(layout.configFile(job)), StandardCharsets.UTF_8);
  }

  /** The scan is complete: {@code scanFinished=true} in JOB, then the queue entry goes. */
  public JobRecord finishScan(String job) throws IOException {
    JobRecord record = updateJob(job, r -> r.withScanFinished(true));
    AtomicFiles.trashAndDelete(layout.queueEntry(job));
    return record;
  }

  /** An incremental round begins: JOB gets {@code round} and {@code scanFinished=false}, queued. */
  public JobRecord startRound(String job, int round) throws IOException {
    JobRecord record = updateJob(job, r -> r.withRound(round).withScanFinished(false));
    AtomicFiles.createDirectories(layout.queueEntry(job));
    return record;
  }

  /**
   * Removes a job: its job directory, queue entry and worker directory are renamed to trash names
   * (the job directory first, so the job is gone at once), then deleted.
   *
   * @return whether anything of the job existed
   * @throws WorkingDirLockedException if the service (or another clean) holds the working dir
   */
  public boolean clean(String job) throws IOException {
    JobTreeLayout.checkJobName(job);
    ServiceLock lock = lockService("clean");
    try {
      return clean(job, 3);
    } finally {
      lock.close();
    }
  }

  /**
   * As {@link #clean(String)}, under a service lock the caller already holds (so that it can do
   * more under the same lock, such as aborting the job's open multipart uploads first).
   */
  public boolean clean(String job, ServiceLock held) throws IOException {
    JobTreeLayout.checkJobName(job);
    if (!held.isValid() || !held.file().equals(layout.lockFile())) {
      throw new IllegalArgumentException("clean needs the held lock of " + layout.lockFile());
    }
    return clean(job, 3);
  }

  /** Clean's steps: the first {@code renames} renames (crash tests stop early), then deletes. */
  boolean clean(String job, int renames) throws IOException {
    Path[] parts = {layout.jobDir(job), layout.queueEntry(job), layout.workerJobDir(job)};
    List<Path> trash = new ArrayList<>();
    for (int i = 0; i < renames && i < parts.length; i++) {
      Path moved = AtomicFiles.moveToTrash(parts[i]);
      if (moved != null) {
        trash.add(moved);
      }
    }
    if (renames < parts.length) {
      return !trash.isEmpty();
    }
    for (Path t : trash) {
      AtomicFiles.deleteRecursively(t);
    }
    return !trash.isEmpty();
  }

  // ---- tasks ----

  /** Starts a new pending task, written entry by entry; commit or close it. */
  public NewTask newTask(String job) throws IOException {
    requireJob(job);
    return new NewTask(layout, job, clock, monitor(job));
  }

  /** Adds a task of {@code entries} to pending and returns its id. */
  public TaskId addTask(String job, Iterable<TaskEntry> entries) throws IOException {
    try (NewTask task = newTask(job)) {
      for (TaskEntry e : entries) {
        task.add(e);
      }
      return task.commit();
    }
  }

  /** pending → dispatched/{@code worker}, in one rename. */
  public void dispatch(String job, TaskId id, String worker) throws IOException {
    transitions.dispatch(job, id, worker);
  }

  /**
   * dispatched/{@code worker} → pending, in one rename, keeping the worker's progress: a task the
   * worker was stopped in (graceful stop) or could not run now goes back to be run again later.
   */
  public void requeue(String job, TaskId id, String worker) throws IOException {
    transitions.requeue(job, id, worker);
  }

  /**
   * dispatched → succeed_tasks or failed_tasks with STATUS, DONE, audit.log (the worker's, copied)
   * and error.list; then the dispatched entry and the worker's files go. The worker closes its
   * progress and audit logs first.
   */
  public TaskRef complete(String job, TaskId id, String worker, TaskOutcome outcome)
      throws IOException {
    return transitions.complete(job, id, worker, outcome);
  }

  /**
   * Moves every failed task back to pending as a redo task holding only its failed objects (their
   * attempt + 1). The redo task has a new id: the MD5 of its own TASK and the retry time.
   */
  public RetryReport retry(String job) throws IOException {
    return retry(job, RedoExpander.NONE);
  }

  /** As {@link #retry(String)}, with failed entries replaced as {@code expander} says. */
  public RetryReport retry(String job, RedoExpander expander) throws IOException {
    requireJob(job);
    return transitions.retry(job, expander);
  }

  /** Repairs one job after a crash; see {@link TreeRecovery}. Call under the service lock. */
  public RecoveryReport recover(String job) throws IOException {
    return recovery.recover(job);
  }

  /** Repairs the whole tree (orphans of interrupted cleans included) and every job. */
  public RecoveryReport recoverAll() throws IOException {
    return recovery.recoverAll();
  }

  /** The tasks of {@code job} in {@code state}, lazily from the directory; close the stream. */
  public Stream<TaskRef> tasks(String job, TaskState state) throws IOException {
    requireJob(job);
    return listing.tasks(job, state);
  }

  /** Counts the tasks in {@code state} by streaming the directory. */
  public long countTasks(String job, TaskState state) throws IOException {
    requireJob(job);
    return listing.count(job, state);
  }

  /** Counts the tasks in every state. */
  public TaskCounts countTasks(String job) throws IOException {
    return new TaskCounts(
        countTasks(job, TaskState.PENDING),
        countTasks(job, TaskState.DISPATCHED),
        countTasks(job, TaskState.SUCCEED),
        countTasks(job, TaskState.FAILED));
  }

  /** Opens the TASK file of a task, to read its entries one by one. */
  public TaskFileReader openTask(String job, TaskRef task) throws IOException {
    return TaskFileReader.open(layout.taskDir(job, task).resolve(JobTreeLayout.TASK_FILE));
  }

  /** The STATUS of a finished task, or {@code null} if it has none. */
  public TaskStatus readStatus(String job, TaskRef task) throws IOException {
    Path file = layout.taskDir(job, task).resolve(JobTreeLayout.STATUS_FILE);
    return Files.exists(file)
        ? TaskStatus.fromText(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
        : null;
  }

  /** The error list of a finished task. */
  public List<ErrorEntry> readErrors(String job, TaskRef task) throws IOException {
    return ErrorList.read(layout.taskDir(job, task).resolve(JobTreeLayout.ERROR_FILE));
  }

  /** Feeds the audit records of a finished task to {@code consumer}. */
  public void readAudit(String job, TaskRef task, Consumer<AuditRecord> consumer)
      throws IOException {
    AuditLog.read(layout.taskDir(job, task).resolve(JobTreeLayout.AUDIT_FILE), consumer);
  }

  /** A job's directory, {@code master/jobs/<job>}, for messages (never to build paths). */
  public Path jobDirectory(String job) {
    return layout.jobDir(job);
  }

  /** A task's directory, for messages that point the user at it (never to build paths). */
  public Path taskDirectory(String job, TaskRef task) {
    return layout.taskDir(job, task);
  }

  /** The worker's in-flight files of a task. */
  /**
   * Opens the job's {@code skipped.list} for appending (creating it); the caller closes it. One per
   * job and process: its appends are serialized.
   */
  public SkippedList openSkippedList(String job) throws IOException {
    requireJob(job);
    return SkippedList.open(layout.skippedList(job));
  }

  /** The job's {@code skipped.list} (it may not exist: nothing was skipped). */
  public Path skippedListFile(String job) {
    return layout.skippedList(job);
  }

  public WorkerTaskFiles workerFiles(String job, TaskId id) {
    return new WorkerTaskFiles(layout.workerTaskDir(job, id));
  }

  /** Ids of the tasks that have worker files, lazily; close the stream. */
  public Stream<TaskId> workerTasks(String job) throws IOException {
    return TaskListing.entries(layout.workerTasksDir(job))
        .map(p -> TaskId.tryParse(p.getFileName().toString()))
        .filter(Objects::nonNull);
  }

  /** The scan checkpoints of a job. */
  public CheckpointStore checkpoints(String job) {
    return new CheckpointStore(layout.checkpointsDir(job), clock, monitor(job));
  }

  // ---- service lock ----

  /**
   * Takes the working directory's exclusive lock for {@code purpose} ({@code service}, {@code
   * clean}); close it to release.
   *
   * @throws WorkingDirLockedException naming the lock file and the holder's PID
   */
  public ServiceLock lockService(String purpose) throws IOException {
    return ServiceLock.acquire(layout.lockFile(), purpose, clock);
  }

  /** Whether any process holds the service lock (the service runs, or a clean). */
  public boolean isServiceRunning() throws IOException {
    return ServiceLock.isHeld(layout.lockFile());
  }

  /** The PID of the process holding the service lock, or -1 when no service runs. */
  public long servicePid() throws IOException {
    return ServiceLock.holderPid(layout.lockFile());
  }

  /** The lock file, for messages. */
  public Path lockFile() {
    return layout.lockFile();
  }

  // ---- stop request ----

  /**
   * Asks the service running on this working directory, in whatever process, to stop: an empty file
   * {@code master/.stop-request} that the service polls and deletes when it has stopped.
   */
  public void requestStop() throws IOException {
    AtomicFiles.createDirectories(layout.masterDir());
    AtomicFiles.writeUtf8(layout.stopRequestFile(), "");
  }

  /** Whether a stop has been requested and not yet cleared. */
  public boolean isStopRequested() {
    return Files.exists(layout.stopRequestFile());
  }

  /** Withdraws a stop request (the service at start, for a request it did not see; and at stop). */
  public void clearStopRequest() throws IOException {
    Files.deleteIfExists(layout.stopRequestFile());
  }

  // ---- internals ----

  TaskTransitions transitions() {
    return transitions;
  }

  JobTreeLayout layout() {
    return layout;
  }

  private void requireJob(String job) throws JobTreeException {
    if (!Files.isDirectory(layout.jobDir(job))) {
      throw new JobTreeException(
          "No job named '" + job + "' in " + layout.jobsDir() + ": submit it first");
    }
  }

  private Object monitor(String job) {
    return jobMonitors.computeIfAbsent(job, j -> new Object());
  }

  private static String sha256(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder hex = new StringBuilder("sha256:");
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
