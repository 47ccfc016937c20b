package io.ossimport.spark;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.SuppliedCredentials;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.service.ImportService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver of one job: submits it (with submit's checks and messages) or, when the working
 * directory has it already, resumes it from its job tree (a driver that was killed, a job to go on
 * with after a retry); then runs core's standalone service on this machine's job tree with the
 * tasks sent to Spark's executors ({@link SparkTasks}) until the job ends, and stops it. The master
 * scans into tasks with its checkpoints, the tracker dispatches, counts and completes, exactly as
 * in the standalone mode, so {@code console.sh stat}, {@code retry} and {@code clean} and the Maven
 * and Ant {@code stat} read the job as any other.
 */
final class SparkDriver {
  /** Spark property: how many ossimport tasks the driver keeps in Spark at once. */
  static final String TASKS_AT_ONCE = "spark.ossimport.tasksAtOnce";

  /** The most tasks kept in Spark at once without {@value #TASKS_AT_ONCE}. */
  static final int MAX_TASKS_AT_ONCE = 1024;

  private final OssImport ossImport;
  private final JobTree tree;
  private final String jobName;
  private final Path sysFileOrNull;
  private final SysConfig sys;
  private final ImportListener events;
  private final Map<String, String> environment;

  private SparkDriver(
      OssImport ossImport,
      String jobName,
      Path sysFileOrNull,
      SysConfig sys,
      ImportListener events,
      Map<String, String> environment) {
    this.ossImport = ossImport;
    this.tree = new JobTree(ossImport.workingDir());
    this.jobName = jobName;
    this.sysFileOrNull = sysFileOrNull;
    this.sys = sys;
    this.events = events;
    this.environment = environment;
  }

  /**
   * Before Spark starts: loads both files with the standalone's loaders (same validation, same
   * messages), then submits the job, or, when the working directory has it already, checks that it
   * is the same job and resumes it.
   */
  static SparkDriver prepare(
      Path jobFile, Path sysFileOrNull, Map<String, String> environment, ImportListener events)
      throws OssImportException, IOException {
    OssImport ossImport =
        OssImport.open(sysFileOrNull, Collections.<String, String>emptyMap(), environment, events);
    SysConfig sys = loadSys(sysFileOrNull);
    JobConfig job = new JobConfigLoader(environment).load(jobFile).config();
    SparkDriver driver =
        new SparkDriver(ossImport, job.jobName(), sysFileOrNull, sys, events, environment);
    if (driver.tree.jobExists(job.jobName())) {
      requireSameJob(driver.tree, job, jobFile);
      events.onEvent(
          ImportEvent.log(
              ImportEvent.Level.INFO,
              job.jobName(),
              "job "
                  + job.jobName()
                  + " is in "
                  + driver.tree.workingDir()
                  + " already: resuming it from its job tree"));
    } else {
      ossImport.submit(jobFile);
    }
    return driver;
  }

  /** Runs the job to its end ({@code Succeed}, {@code Failed} or {@code Abort}) and returns it. */
  JobStatus run(JavaSparkContext spark)
      throws OssImportException, IOException, InterruptedException {
    CredentialResolver credentials =
        new CredentialResolver(environment, SuppliedCredentials.none());
    try (SparkTasks tasks =
            new SparkTasks(
                spark, tree, WorkerSysKeys.of(sysFileOrNull), tasksAtOnce(spark), events);
        ImportService service = ImportService.start(tree, sys, events, credentials, tasks)) {
      service.awaitJob(jobName, Long.MAX_VALUE);
    }
    return ossImport.stat(jobName);
  }

  /** The job's name. */
  String jobName() {
    return jobName;
  }

  /** The working directory, where the job tree is. */
  Path workingDir() {
    return tree.workingDir();
  }

  /**
   * A job of that name was submitted with another configuration: resuming it would mix two jobs in
   * one tree (the digest leaves the secrets out, so a rotated key is the same job).
   */
  private static void requireSameJob(JobTree tree, JobConfig job, Path jobFile)
      throws IOException, OssImportException {
    String label = "the frozen configuration of job " + job.jobName();
    JobConfig frozen = CanonicalJobConfig.read(tree.readFrozenConfig(job.jobName()), label);
    if (!CanonicalJobConfig.digest(frozen).equals(CanonicalJobConfig.digest(job))) {
      throw new JobConflictException(
          job.jobName(),
          "Job '"
              + job.jobName()
              + "' in "
              + tree.workingDir()
              + " was submitted with another configuration than "
              + jobFile
              + ".",
          Remedy.CLEAN_JOB);
    }
  }

  private static SysConfig loadSys(Path sysFileOrNull) throws ConfigurationException {
    SysConfigLoader loader = new SysConfigLoader();
    return sysFileOrNull == null
        ? loader.load(Collections.<String, String>emptyMap(), "defaults").config()
        : loader.load(sysFileOrNull).config();
  }

  /**
   * {@value #TASKS_AT_ONCE}, else twice the cores Spark has now: enough queued tasks that every
   * executor core stays busy, and that dynamic allocation sees a backlog to add executors for. With
   * {@code spark.dynamicAllocation.enabled} and a {@code spark.dynamicAllocation.maxExecutors}, the
   * cores Spark may grant count instead ({@code maxExecutors} times {@code spark.executor.cores}, 1
   * if unset): computed once at start, the cores of the moment (none yet, so 2) would keep the
   * backlog too small for executors to be added beyond the first few.
   */
  static int tasksAtOnce(JavaSparkContext spark) {
    return tasksAtOnce(spark.getConf(), spark.defaultParallelism());
  }

  static int tasksAtOnce(SparkConf conf, int defaultParallelism) {
    int configured = conf.getInt(TASKS_AT_ONCE, 0);
    if (configured > 0) {
      return configured;
    }
    int cores = defaultParallelism;
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      int max = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
      if (max < Integer.MAX_VALUE) {
        long granted = (long) max * Math.max(1, conf.getInt("spark.executor.cores", 1));
        cores = (int) Math.min(MAX_TASKS_AT_ONCE / 2, Math.max(cores, granted));
      }
    }
    return Math.max(2, 2 * cores);
  }
}
