package io.ossimport.core.service;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.api.ServiceRunningException;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ServiceLock;
import io.ossimport.core.jobtree.WorkingDirLockedException;
import io.ossimport.core.master.Master;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.tracker.JobStatusReader;
import io.ossimport.core.tracker.TaskRunner;
import io.ossimport.core.tracker.Tracker;
import io.ossimport.core.worker.Worker;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The standalone service: master, tracker and worker in this JVM, holding the working directory's
 * lock from start to stop. At start it repairs the tree ({@link StartupRepair}); a stop request
 * from another process (a file the control thread polls every {@value #STOP_POLL_MILLIS} ms) or
 * {@link #stop()} stops it gracefully: the master stops at its next object, the tracker lets the
 * worker finish or record the objects in flight and sends the running tasks back to pending.
 */
public final class ImportService implements RunningService {
  static final long STOP_POLL_MILLIS = 200;
  private static final long AWAIT_POLL_MILLIS = 100;
  private static final long DEFAULT_PROGRESS_INTERVAL_MILLIS = 5_000;

  private final JobTree tree;
  private final ImportListener events;
  private final ServiceLock lock;
  private final Worker worker;
  private final Master master;
  private final Tracker tracker;
  private final Thread masterThread;
  private final Thread trackerThread;
  private final Thread controlThread;
  private final ThroughputControl throughput;
  private final AtomicBoolean stopBegun = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ImportService(
      JobTree tree,
      SysConfig sys,
      ImportListener events,
      ServiceLock lock,
      CredentialResolver credentials,
      SysSource sysSource,
      RemoteTasks remote) {
    this.tree = tree;
    this.events = events;
    this.lock = lock;
    this.worker = new Worker(sys, events);
    this.throughput =
        new ThroughputControl(sys, sysSource, worker, events, Clock.systemDefaultZone());
    TaskRunner runner = remote == null ? new WorkerTaskRunner(worker, tree) : remote.runner();
    // As many task threads as the worker may ever run objects: one-object tasks keep a pool that
    // grew on a slow link busy too. Tasks run elsewhere: as many as the engine runs at once.
    this.tracker =
        new Tracker(
            tree,
            runner,
            events,
            remote == null ? worker.mostObjectsInFlight() : remote.tasksAtOnce(),
            progressIntervalMillis(),
            credentials);
    this.master = new Master(tree, events, tracker::wake, credentials);
    this.masterThread = new Thread(guarded("master", master), "ossimport-master");
    this.trackerThread = new Thread(guarded("tracker", tracker), "ossimport-tracker");
    this.controlThread = new Thread(this::pollStopRequests, "ossimport-control");
    controlThread.setDaemon(true);
  }

  /**
   * Starts the service on {@code tree}'s working directory and returns at once.
   *
   * @throws ServiceRunningException if a service (or a clean) holds the working directory
   */
  public static ImportService start(JobTree tree, SysConfig sys, ImportListener events)
      throws OssImportException {
    return start(tree, sys, events, CredentialResolver.none());
  }

  /**
   * As {@link #start(JobTree, SysConfig, ImportListener)}, finding each job's secrets with {@code
   * credentials} (where they came from at submit).
   */
  public static ImportService start(
      JobTree tree, SysConfig sys, ImportListener events, CredentialResolver credentials)
      throws OssImportException {
    return start(tree, sys, events, credentials, SysSource.fixed());
  }

  /**
   * As {@link #start(JobTree, SysConfig, ImportListener, CredentialResolver)}, reading the system
   * settings again from {@code sysSource} while it runs ({@link ThroughputControl}).
   */
  static ImportService start(
      JobTree tree,
      SysConfig sys,
      ImportListener events,
      CredentialResolver credentials,
      SysSource sysSource)
      throws OssImportException {
    return start(tree, sys, events, credentials, sysSource, null);
  }

  /**
   * As {@link #start(JobTree, SysConfig, ImportListener, CredentialResolver)}, with the tasks run
   * by {@code remote} instead of this JVM's worker: master, tracker, job tree, recovery and stop
   * are the standalone service's, so the tree has the standalone layout (the Spark driver).
   */
  public static ImportService start(
      JobTree tree,
      SysConfig sys,
      ImportListener events,
      CredentialResolver credentials,
      RemoteTasks remote)
      throws OssImportException {
    return start(tree, sys, events, credentials, SysSource.fixed(), remote);
  }

  private static ImportService start(
      JobTree tree,
      SysConfig sys,
      ImportListener events,
      CredentialResolver credentials,
      SysSource sysSource,
      RemoteTasks remote)
      throws OssImportException {
    ServiceLock lock = acquire(tree, "service");
    try {
      tree.clearStopRequest(); // one nobody answered belongs to an earlier service
      StartupRepair.run(tree, events);
      ImportService service =
          new ImportService(tree, sys, events, lock, credentials, sysSource, remote);
      service.throughput.check(); // a timetable's cap holds from the first byte
      ServiceRegistry.register(tree.workingDir(), service);
      service.masterThread.start();
      service.trackerThread.start();
      service.controlThread.start();
      Events.log(
          events,
          ImportEvent.Level.INFO,
          null,
          "import service started (PID " + tree.servicePid() + ") on " + tree.workingDir());
      return service;
    } catch (IOException | RuntimeException e) {
      closeQuietly(lock);
      throw new OssImportException("Cannot start the import service: " + e.getMessage(), e);
    }
  }

  /** Takes the lock, mapping a refusal to {@link ServiceRunningException}. */
  static ServiceLock acquire(JobTree tree, String purpose) throws OssImportException {
    try {
      return tree.lockService(purpose);
    } catch (WorkingDirLockedException e) {
      throw new ServiceRunningException(e.getMessage(), e.lockFile(), e.pid());
    } catch (IOException e) {
      throw new OssImportException("Cannot lock the working directory: " + e.getMessage(), e);
    }
  }

  /** The service of this JVM on {@code tree}'s working directory, or {@code null}. */
  public static ImportService runningIn(JobTree tree) {
    return ServiceRegistry.find(tree.workingDir());
  }

  /** Makes the tracker look at the tree now (after a retry by this JVM). */
  public void wake() {
    tracker.wake();
  }

  @Override
  public JobStatus awaitJob(String jobName, long timeoutMillis)
      throws InterruptedException, OssImportException {
    if (!tree.jobExists(jobName)) {
      throw new JobConflictException(
          jobName,
          "No job named '" + jobName + "' in " + tree.workingDir() + ".",
          Remedy.SUBMIT_JOB);
    }
    // Saturating: Long.MAX_VALUE (or any huge timeout) means "no limit", not an overflow into the
    // past.
    long now = System.currentTimeMillis();
    long deadline = timeoutMillis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutMillis;
    try {
      // The JOB record alone says whether the job ended; the full snapshot (which reads every
      // running task's files) is built once, at the end.
      while (tree.readJob(jobName).state() == JobState.Running
          && isRunning()
          && System.currentTimeMillis() < deadline) {
        long left = deadline - System.currentTimeMillis();
        stopped.await(Math.max(1, Math.min(left, AWAIT_POLL_MILLIS)), TimeUnit.MILLISECONDS);
      }
      return new JobStatusReader(tree).read(jobName);
    } catch (IOException e) {
      throw new OssImportException("Cannot read job " + jobName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (stopBegun.compareAndSet(false, true)) {
      shutDown();
    }
    stopped.await();
  }

  /** Begins a stop on another thread; {@link #awaitStopped()} tells when it is done. */
  public void stopInBackground() {
    if (stopBegun.compareAndSet(false, true)) {
      Thread t = new Thread(this::shutDown, "ossimport-stop");
      t.setDaemon(false);
      t.start();
    }
  }

  @Override
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Waits up to {@code millis} for the stop; true if stopped. */
  public boolean awaitStopped(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean isRunning() {
    return stopped.getCount() > 0;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutDown() {
    boolean interrupted = false;
    try {
      Events.log(events, ImportEvent.Level.INFO, null, "import service stopping");
      master.stop();
      tracker.stop();
      interrupted |= joinUninterruptibly(masterThread);
      interrupted |= joinUninterruptibly(trackerThread);
      worker.close();
      tree.clearStopRequest();
    } catch (IOException | RuntimeException e) {
      Events.log(events, ImportEvent.Level.ERROR, null, "while stopping: " + e);
    } finally {
      controlThread.interrupt();
      ServiceRegistry.unregister(tree.workingDir(), this);
      closeQuietly(lock);
      Events.log(events, ImportEvent.Level.INFO, null, "import service stopped");
      stopped.countDown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The control thread: turns a stop request file into a stop. */
  private void pollStopRequests() {
    long throughputCheckDue = System.nanoTime();
    try {
      while (isRunning()) {
        if (tree.isStopRequested()) {
          Events.log(events, ImportEvent.Level.INFO, null, "stop requested");
          stopInBackground();
          return;
        }
        if (System.nanoTime() - throughputCheckDue >= 0) {
          throughput.check(); // the operator may have edited the bandwidth keys
          throughputCheckDue = System.nanoTime() + ThroughputControl.CHECK_MILLIS * 1_000_000L;
        }
        Thread.sleep(STOP_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      // stopping
    }
  }

  /** A role's loop; if it dies of an unexpected error the whole service stops. */
  private Runnable guarded(final String role, final Runnable loop) {
    return () -> {
      try {
        loop.run();
      } catch (RuntimeException | Error e) {
        Events.log(events, ImportEvent.Level.ERROR, null, role + " failed, stopping: " + e);
        stopInBackground();
        if (e instanceof Error) {
          throw (Error) e;
        }
      }
    };
  }

  private static boolean joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    return interrupted;
  }

  private static void closeQuietly(ServiceLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // the OS releases the lock with the process anyway
    }
  }

  private static long progressIntervalMillis() {
    try {
      return Long.parseLong(
          System.getProperty(
              "ossimport.progressIntervalMillis", Long.toString(DEFAULT_PROGRESS_INTERVAL_MILLIS)));
    } catch (NumberFormatException e) {
      return DEFAULT_PROGRESS_INTERVAL_MILLIS;
    }
  }
}
