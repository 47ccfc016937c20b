package io.ossimport.core.tracker;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves tasks pending → dispatched/{@value #WORKER} → (the worker runs them) → succeed_tasks or
 * failed_tasks, keeps the JOB counters, and decides each job's state: {@code Running} while the
 * scan goes on or a task is pending or running; then {@code Succeed} if no task failed, else {@code
 * Failed}; {@code Abort} when the worker gave up on the job.
 *
 * <p>Tasks run on {@code taskThreads} threads, each blocked in the worker for one task while the
 * worker's shared pool moves the objects; with as many task threads as pool threads the pool stays
 * busy even when every task holds one object. The tracker thread ({@link #run()}) dispatches,
 * evaluates job states every {@value #TICK_MILLIS} ms (or sooner when woken) and emits progress
 * events at most every {@code progressIntervalMillis} per job.
 */
public final class Tracker implements Runnable {
  /** The worker name of the standalone service, as the original: {@code dispatched/localhost}. */
  public static final String WORKER = "localhost";

  static final long TICK_MILLIS = 200;

  private final JobTree tree;
  private final TaskRunner runner;
  private final ImportListener events;
  private final long progressIntervalMillis;
  private final CredentialResolver credentials;
  private final JobStatusReader statusReader;
  private final TaskThreads threads;
  private final Map<String, TrackedJob> jobs = new LinkedHashMap<>();
  private final Object wakeLock = new Object();
  private boolean woken;
  private volatile boolean stopping;

  public Tracker(
      JobTree tree,
      TaskRunner runner,
      ImportListener events,
      int taskThreads,
      long progressIntervalMillis) {
    this(tree, runner, events, taskThreads, progressIntervalMillis, CredentialResolver.none());
  }

  /** As above, with {@code credentials} to find the secrets of a frozen job. */
  public Tracker(
      JobTree tree,
      TaskRunner runner,
      ImportListener events,
      int taskThreads,
      long progressIntervalMillis,
      CredentialResolver credentials) {
    this.credentials = credentials;
    this.tree = tree;
    this.runner = runner;
    this.events = events;
    this.progressIntervalMillis = progressIntervalMillis;
    this.statusReader = new JobStatusReader(tree, runner.bytesInFlight());
    this.threads = new TaskThreads(tree, events, WORKER, taskThreads);
  }

  /** Dispatches and tracks until {@link #stop()}; then waits for the running tasks to return. */
  @Override
  public void run() {
    try {
      while (!stopping) {
        try {
          tick();
        } catch (IOException | RuntimeException e) {
          Events.log(events, ImportEvent.Level.ERROR, null, "tracker: " + e);
          sleepQuietly(1000);
        }
        awaitWake(TICK_MILLIS);
      }
    } finally {
      shutDown();
    }
  }

  /** Asks the tracker to stop: no task starts any more, running ones are interrupted. */
  public void stop() {
    stopping = true;
    threads.stop();
    wake();
  }

  /** Makes the tracker look at the tree now (a task was added, a retry happened). */
  public void wake() {
    synchronized (wakeLock) {
      woken = true;
      wakeLock.notifyAll();
    }
  }

  private void tick() throws IOException {
    syncJobs();
    dispatch();
    long now = System.currentTimeMillis();
    for (TrackedJob job : jobs.values()) {
      evaluate(job, now);
    }
  }

  /** Picks up jobs submitted since the last tick. */
  private void syncJobs() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<String> all = tree.jobs()) {
      all.forEach(names::add);
    }
    for (String name : names) {
      if (!jobs.containsKey(name)) {
        jobs.put(name, new TrackedJob(name));
      }
    }
    for (Iterator<TrackedJob> it = jobs.values().iterator(); it.hasNext(); ) {
      TrackedJob job = it.next();
      if (!names.contains(job.name) && job.running.get() == 0) {
        job.closeTasks(); // the job is gone from the tree
        statusReader.forget(job.name);
        it.remove();
      }
    }
  }

  /** Dispatches one task per job per round, round after round, while task threads are free. */
  private void dispatch() throws IOException {
    boolean dispatchedAny = true;
    while (dispatchedAny && !stopping) {
      dispatchedAny = false;
      for (TrackedJob job : jobs.values()) {
        if (stopping || !threads.hasRoom()) {
          return;
        }
        dispatchedAny |= dispatchOne(job);
      }
    }
  }

  private boolean dispatchOne(TrackedJob job) throws IOException {
    long now = System.currentTimeMillis();
    if (job.isPaused(now)) {
      return false;
    }
    JobRecord record = tree.readJob(job.name);
    if (record.state() == JobState.Abort) {
      return false;
    }
    Optional<TaskRef> next = firstPending(job.name);
    if (!next.isPresent()) {
      return false;
    }
    if (job.tasks == null && !open(job)) {
      return false;
    }
    if (record.state() != JobState.Running || record.startTime() == null) {
      tree.updateJob(
          job.name,
          r ->
              r.withState(JobState.Running)
                  .withFinishTime(null)
                  .withStartTime(r.startTime() == null ? Instant.now() : r.startTime()));
    }
    final TaskId id = next.get().id();
    tree.dispatch(job.name, id, WORKER);
    statusReader.forget(job.name, id);
    threads.start(job, id, this::wake);
    return true;
  }

  private Optional<TaskRef> firstPending(String job) throws IOException {
    try (Stream<TaskRef> pending = tree.tasks(job, TaskState.PENDING)) {
      return pending.findFirst();
    }
  }

  /** Opens the job's tasks through the runner; false (and the job paused or aborted) on failure. */
  private boolean open(TrackedJob job) throws IOException {
    JobConfig config;
    try {
      config =
          CanonicalJobConfig.read(
              tree.readFrozenConfig(job.name),
              "the frozen configuration of job " + job.name,
              credentials);
    } catch (ConfigurationException e) {
      JobAbort.record(
          tree, events, job.name, "its frozen configuration cannot be used: " + e.getMessage());
      return false;
    }
    try {
      job.tasks = runner.openJob(job.name, config);
      return true;
    } catch (IOException | RuntimeException e) {
      job.pausedUntilMillis = System.currentTimeMillis() + TaskThreads.PAUSE_AFTER_IO_ERROR_MILLIS;
      Events.log(
          events,
          ImportEvent.Level.ERROR,
          job.name,
          "cannot open the job's source or destination, trying again in "
              + TaskThreads.PAUSE_AFTER_IO_ERROR_MILLIS / 1000
              + " s: "
              + e);
      return false;
    }
  }

  /** Recounts failures after a retry, decides the job's state, emits progress. */
  private void evaluate(TrackedJob job, long now) throws IOException {
    // Only this thread dispatches: once idle, the job stays idle while the tree is read below.
    boolean idle = job.running.get() == 0;
    final JobRecord record = tree.readJob(job.name);
    if (idle && record.state() == JobState.Abort) {
      job.closeTasks(); // and its failed tasks are looked at again once a retry lifts the Abort
      return;
    }
    if (!idle) {
      // Not while a task completes: its failed count may be in JOB before its directory is in
      // failed_tasks (or before failedCompletions counts it), and a recount would drop it.
      emitProgress(job, now, false);
      return;
    }
    long seen = job.failedCompletions.get();
    long failedTasks = tree.countTasks(job.name, TaskState.FAILED);
    long expected = job.knownFailedTasks + (seen - job.failedCompletionsSeen);
    if (job.knownFailedTasks >= 0 && failedTasks < expected) {
      JobCounting.recountFailed(tree, job.name); // a retry took failed tasks back
    }
    job.knownFailedTasks = failedTasks;
    job.failedCompletionsSeen = seen;
    final JobState state = decide(job.name, record, failedTasks);
    if (state != record.state()) {
      final boolean finished = state != JobState.Running;
      JobRecord updated =
          tree.updateJob(
              job.name,
              r ->
                  r.state() == record.state() // unless a retry of this JVM changed it meanwhile
                      ? r.withState(state).withFinishTime(finished ? Instant.now() : null)
                      : r);
      if (finished && updated.state() == state) {
        finish(job, state);
      }
    } else if (state == JobState.Running) {
      // An incremental job between rounds has nothing new to say for hours: one snapshot.
      boolean betweenRounds =
          record.schedule() != null
              && record.schedule().listingEnded()
              && !firstPending(job.name).isPresent();
      if (!betweenRounds || !job.quietBetweenRounds) {
        emitProgress(job, now, betweenRounds);
      }
      job.quietBetweenRounds = betweenRounds;
    }
    if (state != JobState.Running) {
      job.closeTasks();
    }
  }

  /** The state of a job none of whose tasks runs in this tracker. */
  private JobState decide(String job, JobRecord record, long failedTasks) throws IOException {
    if (!record.scanFinished() || firstPending(job).isPresent()) {
      return JobState.Running;
    }
    try (Stream<TaskRef> dispatched = tree.tasks(job, TaskState.DISPATCHED)) {
      if (dispatched.findAny().isPresent()) {
        return JobState.Running;
      }
    }
    return failedTasks > 0 ? JobState.Failed : JobState.Succeed;
  }

  private void finish(TrackedJob job, JobState state) throws IOException {
    JobRecord r = tree.readJob(job.name);
    String text =
        "job "
            + state
            + ": "
            + r.counters().objectsDone()
            + " of "
            + r.counters().objectsTotal()
            + " objects done ("
            + r.counters().bytesDone()
            + " bytes), "
            + r.counters().objectsSkipped()
            + " skipped, "
            + r.counters().objectsFailed()
            + " failed"
            + JobReport.elapsedAndRate(elapsedMillis(r), r.counters().bytesDone());
    Events.emit(
        events,
        ImportEvent.log(
            state == JobState.Succeed ? ImportEvent.Level.INFO : ImportEvent.Level.WARN,
            job.name,
            text,
            state == JobState.Failed ? Remedy.RETRY_AND_START : Remedy.NONE));
    emitProgress(job, System.currentTimeMillis(), true);
  }

  private static long elapsedMillis(JobRecord r) {
    return r.startTime() == null || r.finishTime() == null
        ? -1
        : r.finishTime().toEpochMilli() - r.startTime().toEpochMilli();
  }

  private void emitProgress(TrackedJob job, long now, boolean force) throws IOException {
    if (!force && now - job.lastProgressMillis < progressIntervalMillis) {
      return;
    }
    job.lastProgressMillis = now;
    JobStatus status = statusReader.read(job.name);
    job.rate.record(now, status.progressBytes());
    Events.emit(events, ImportEvent.progress(status.withRate(job.rate.bytesPerSecond())));
  }

  private void awaitWake(long millis) {
    synchronized (wakeLock) {
      if (!woken) {
        try {
          wakeLock.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop();
        }
      }
      woken = false;
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the task threads (they were interrupted), then closes every job's tasks. */
  private void shutDown() {
    threads.stopAndAwait();
    for (TrackedJob job : jobs.values()) {
      job.closeTasks();
    }
  }
}
