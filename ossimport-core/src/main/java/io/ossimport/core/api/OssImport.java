package io.ossimport.core.api;

import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.service.ImportService;
import io.ossimport.core.service.JobClean;
import io.ossimport.core.service.JobRetry;
import io.ossimport.core.service.JobSubmission;
import io.ossimport.core.tracker.JobStatusReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The engine's one entry point for every front end: {@code submit}, {@code start}, {@code stop},
 * {@code stat}, {@code retry}, {@code clean} and {@code version} on the working directory that
 * {@code sys.properties} names.
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
  private final SysConfig sys;
  private final JobTree tree;
  private final Map<String, String> environment;
  private final ImportListener listener;

  private OssImport(
      SysConfig sys, Path workingDir, Map<String, String> environment, ImportListener listener) {
    this.sys = sys;
    this.tree = new JobTree(workingDir);
    this.environment = environment;
    this.listener = listener;
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
   * Opens a working directory.
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
    SysConfigLoader loader = new SysConfigLoader();
    LoadedConfig<SysConfig> loaded =
        sysPropertiesOrNull == null
            ? loader.load(sysOverrides, JobSubmission.INLINE_LABEL)
            : loader.load(sysPropertiesOrNull, sysOverrides, JobSubmission.INLINE_LABEL);
    for (ConfigWarning w : loaded.warnings()) {
      emit(listener, ImportEvent.log(ImportEvent.Level.WARN, null, w.toString()));
    }
    // As the original: a relative workingDir is relative to where the service is run from.
    Path workingDir = loaded.config().workingDir(Paths.get("").toAbsolutePath());
    return new OssImport(
        loaded.config(),
        workingDir,
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(environment)),
        listener);
  }

  /** The working directory ({@code workingDir} of sys.properties, resolved). */
  public Path workingDir() {
    return tree.workingDir();
  }

  /**
   * Validates the job file and freezes it into the working directory; nothing is written when
   * rejected.
   */
  public SubmitResult submit(Path jobConfig) throws OssImportException {
    return submit(jobConfig, Collections.<String, String>emptyMap());
  }

  /**
   * Validates a job (a file, inline keys over it, or inline keys alone) and freezes it into the
   * working directory. Nothing is written when it is rejected.
   *
   * @throws ConfigurationException listing every problem
   * @throws JobConflictException if a job of that name exists (clean it first, or start to go on)
   */
  public SubmitResult submit(Path jobConfigOrNull, Map<String, String> jobOverrides)
      throws OssImportException {
    return new JobSubmission(tree, environment, listener).submit(jobConfigOrNull, jobOverrides);
  }

  /**
   * Starts master, tracker and worker in this JVM, holding the working directory's lock, and
   * returns at once. A crashed earlier run is repaired first: its tasks resume where they stopped.
   *
   * @throws ServiceRunningException if another service (or a clean) holds the working directory
   */
  public RunningService start() throws OssImportException {
    return ImportService.start(tree, sys, listener);
  }

  /**
   * Asks the service running on this working directory (this or another process) to stop gracefully
   * and waits up to {@code timeoutMillis}.
   *
   * @return true when it stopped, or none was running; false when it still runs (kill it by {@link
   *     #servicePid()})
   */
  public boolean stop(long timeoutMillis) throws OssImportException {
    try {
      ImportService here = ImportService.runningIn(tree);
      if (here != null) {
        here.stopInBackground();
        return here.awaitStopped(timeoutMillis);
      }
      if (!tree.isServiceRunning()) {
        tree.clearStopRequest();
        return true;
      }
      tree.requestStop();
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (tree.isServiceRunning()) {
        if (System.currentTimeMillis() >= deadline) {
          return false;
        }
        Thread.sleep(50);
      }
      return true;
    } catch (IOException e) {
      throw new OssImportException("Cannot stop the service: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** PID of the running service (or of a clean in progress), or -1. */
  public long servicePid() {
    try {
      return tree.servicePid();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Every job's snapshot, from the tree only. Empty: no job. */
  public List<JobStatus> stat() throws OssImportException {
    try {
      return new JobStatusReader(tree).readAll();
    } catch (IOException e) {
      throw new OssImportException("Cannot read the jobs: " + e.getMessage(), e);
    }
  }

  /**
   * One job's snapshot, from the tree only.
   *
   * @throws JobConflictException if there is no job of that name
   */
  public JobStatus stat(String jobName) throws OssImportException {
    if (!tree.jobExists(jobName)) {
      throw new JobConflictException(
          jobName, "No job named '" + jobName + "' in " + tree.workingDir() + ": submit it first");
    }
    try {
      return new JobStatusReader(tree).read(jobName);
    } catch (IOException e) {
      throw new OssImportException("Cannot read job " + jobName + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves the job's failed tasks back to pending; only their failed objects are redone.
   *
   * @throws JobConflictException if there is no job of that name
   */
  public RetryResult retry(String jobName) throws OssImportException {
    return new JobRetry(tree, listener).retry(jobName);
  }

  /**
   * Removes the job and aborts the multipart uploads it left open; refused while the service runs.
   *
   * @throws ServiceRunningException while the service runs
   * @throws JobConflictException if there is no job of that name
   */
  public void clean(String jobName) throws OssImportException {
    new JobClean(tree, listener).clean(jobName);
  }

  /** {@code ossimport <version>}, the version this engine was built as. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = OssImport.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return "ossimport " + p.getProperty("version", "unknown");
  }

  private static void emit(ImportListener listener, ImportEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // a listener must not throw; opening goes on regardless
    }
  }
}
