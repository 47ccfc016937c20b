package io.ossimport.core.service;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RetryResult;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import io.ossimport.core.api.SuppliedCredentials;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.tracker.Events;
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
 * What {@link io.ossimport.core.api.OssImport} does, over one working directory: the facade keeps
 * the public contract and its documentation, this class the engine wiring.
 */
public final class Operations {
  private final SysConfig sys;
  private final JobTree tree;
  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;
  private final CredentialResolver credentials;
  private final ImportListener listener;
  private final SysSource sysSource;

  /**
   * One reader for every {@code stat}, so that a caller polling a job (import.sh's follower, once
   * per interval) reads only what the running tasks' progress logs gained since its last call, not
   * their whole TASK files and logs each time.
   */
  private final JobStatusReader statusReader;

  private Operations(
      SysConfig sys,
      SysSource sysSource,
      Path workingDir,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      ImportListener listener) {
    this.sys = sys;
    this.sysSource = sysSource;
    this.tree = new JobTree(workingDir);
    this.statusReader = new JobStatusReader(tree);
    this.environment = environment;
    this.supplied = supplied;
    this.credentials = new CredentialResolver(environment, supplied);
    this.listener = listener;
  }

  /** Loads sys.properties (or only the overrides) and resolves the working directory. */
  public static Operations open(
      Path sysPropertiesOrNull,
      Map<String, String> sysOverrides,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      ImportListener listener)
      throws ConfigurationException {
    SysSource source = new SysSource(sysPropertiesOrNull, sysOverrides, JobSubmission.INLINE_LABEL);
    LoadedConfig<SysConfig> loaded = source.load();
    for (ConfigWarning w : loaded.warnings()) {
      Events.log(listener, ImportEvent.Level.WARN, null, w.toString());
    }
    // As the original: a relative workingDir is relative to where the service is run from.
    Path workingDir = loaded.config().workingDir(Paths.get("").toAbsolutePath());
    return new Operations(
        loaded.config(),
        source,
        workingDir,
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(environment)),
        supplied,
        listener);
  }

  public Path workingDir() {
    return tree.workingDir();
  }

  public SubmitResult submit(
      Path jobConfigOrNull, Map<String, String> jobOverrides, SubmitCheck check)
      throws OssImportException {
    return new JobSubmission(tree, environment, supplied, listener)
        .submit(jobConfigOrNull, jobOverrides, check);
  }

  public DryRunReport dryRun(Path jobConfigOrNull, Map<String, String> jobOverrides)
      throws OssImportException {
    return new DryRun(new JobSubmission(tree, environment, supplied, listener), tree, listener)
        .run(jobConfigOrNull, jobOverrides);
  }

  public DiffReport diff(Path jobConfigOrNull, Map<String, String> jobOverrides, DiffCheck check)
      throws OssImportException {
    return new JobDiff(tree, environment, supplied, listener, JobDiff.CHUNK_RECORDS)
        .diff(jobConfigOrNull, jobOverrides, check);
  }

  public RunningService start() throws OssImportException {
    return ImportService.start(tree, sys, listener, credentials, sysSource);
  }

  /** Stops the service of this JVM directly, or another process's through a stop request. */
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

  public long servicePid() {
    try {
      return tree.servicePid();
    } catch (IOException e) {
      return -1;
    }
  }

  public List<JobStatus> stat() throws OssImportException {
    try {
      synchronized (statusReader) {
        return statusReader.readAll();
      }
    } catch (IOException e) {
      throw new OssImportException("Cannot read the jobs: " + e.getMessage(), e);
    }
  }

  public JobStatus stat(String jobName) throws OssImportException {
    requireJob(jobName);
    try {
      synchronized (statusReader) {
        return statusReader.read(jobName);
      }
    } catch (IOException e) {
      throw new OssImportException("Cannot read job " + jobName + ": " + e.getMessage(), e);
    }
  }

  /** The job's state from its JOB record only: no task file is read, so it is cheap to poll. */
  public JobState state(String jobName) throws OssImportException {
    requireJob(jobName);
    try {
      return tree.readJob(jobName).state();
    } catch (IOException e) {
      throw new OssImportException("Cannot read job " + jobName + ": " + e.getMessage(), e);
    }
  }

  private void requireJob(String jobName) throws JobConflictException {
    if (!tree.jobExists(jobName)) {
      throw new JobConflictException(
          jobName,
          "No job named '" + jobName + "' in " + tree.workingDir() + ".",
          Remedy.SUBMIT_JOB);
    }
  }

  public RetryResult retry(String jobName) throws OssImportException {
    return new JobRetry(tree, listener).retry(jobName);
  }

  public void clean(String jobName) throws OssImportException {
    new JobClean(tree, listener, credentials).clean(jobName);
  }

  /** The version Maven filtered into {@code version.properties} at build time. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Operations.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return "ossimport " + p.getProperty("version", "unknown");
  }
}
