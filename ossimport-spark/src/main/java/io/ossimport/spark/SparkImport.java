package io.ossimport.spark;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobReport;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RemedyWords;
import io.ossimport.core.api.ServiceRunningException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code spark-submit --class io.ossimport.spark.SparkImport ossimport-spark-<v>.jar --job
 * conf/local_job.cfg --sys conf/sys.properties}: one job on a Spark cluster, the job tree on the
 * driver's disk ({@code workingDir} of sys.properties). The one place where failures become
 * messages and exit codes, with the console's exit code table: 0 the job succeeded, 1 usage, 2
 * configuration, 3 the job ended with failed tasks, 4 the working directory is in use, 5 runtime
 * failure or {@code Abort}, 6 job conflict.
 */
public final class SparkImport {
  static final int OK = 0;
  static final int USAGE = 1;
  static final int CONFIGURATION = 2;
  static final int FAILED_TASKS = 3;
  static final int SERVICE_STATE = 4;
  static final int RUNTIME = 5;
  static final int JOB_CONFLICT = 6;

  /** Spark's executor heartbeat interval, which brings running tasks' progress to the driver. */
  static final String HEARTBEAT = "spark.executor.heartbeatInterval";

  static final String HEARTBEAT_DEFAULT = "2s";

  static final String USAGE_TEXT =
      "Usage: spark-submit --class io.ossimport.spark.SparkImport ossimport-spark.jar"
          + " --job <local_job.cfg> [--sys <sys.properties>]";

  private SparkImport() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs one job as {@link #main} does and returns the exit code (tests call it in-process). */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    Path job = null;
    Path sys = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ((arg.equals("--job") || arg.equals("--sys")) && i + 1 < args.length) {
        Path value = Paths.get(args[++i]);
        if (arg.equals("--job")) {
          job = value;
        } else {
          sys = value;
        }
      } else if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE_TEXT);
        return OK;
      } else {
        err.println("Error: unknown or incomplete argument '" + arg + "'.");
        err.println(USAGE_TEXT);
        return USAGE;
      }
    }
    if (job == null) {
      err.println("Error: --job <local_job.cfg> is missing: name the job file to run.");
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (!Files.isRegularFile(job)) {
      err.println("Error: the job file " + job.toAbsolutePath() + " does not exist or is no file.");
      return CONFIGURATION;
    }
    if (sys != null && !Files.isRegularFile(sys)) {
      err.println(
          "Error: the system file " + sys.toAbsolutePath() + " does not exist or is no file.");
      return CONFIGURATION;
    }
    ConsoleEvents events = new ConsoleEvents(out, err);
    JavaSparkContext spark = null;
    try {
      SparkDriver driver = SparkDriver.prepare(job, sys, environment, events);
      spark = new JavaSparkContext(sparkConf().setAppName("ossimport " + driver.jobName()));
      JobStatus status = driver.run(spark);
      return report(status, driver.workingDir(), out, err);
    } catch (Exception e) {
      return fail(e, err);
    } finally {
      if (spark != null) {
        spark.stop();
      }
    }
  }

  /**
   * The cluster's settings as spark-submit passed them; {@code local[*]} when there is none (run
   * with plain {@code java}). Speculative execution stays off: a speculative copy of a task would
   * send its objects a second time and could abort the other copy's multipart uploads. Executors
   * heartbeat every {@value #HEARTBEAT_DEFAULT} unless {@value #HEARTBEAT} says otherwise (Spark's
   * own default is 10 s): the heartbeats bring a running task's progress to {@code stat}.
   */
  static SparkConf sparkConf() {
    SparkConf conf = new SparkConf().setAppName("ossimport");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.set("spark.speculation", "false");
    conf.setIfMissing(HEARTBEAT, HEARTBEAT_DEFAULT);
    return conf;
  }

  private static int report(JobStatus status, Path workingDir, PrintStream out, PrintStream err) {
    for (String line : JobReport.summary(status, workingDir, WORDS)) {
      out.println(line);
    }
    if (status.state() == JobState.Succeed) {
      return OK;
    }
    if (status.state() == JobState.Abort) {
      err.println("Error: " + WORDS.abortMessage(status));
      return RUNTIME;
    }
    return status.state() == JobState.Failed ? FAILED_TASKS : RUNTIME;
  }

  /** Prints what went wrong, without a stack trace, and returns the matching exit code. */
  static int fail(Throwable failure, PrintStream err) {
    if (failure instanceof ConfigurationException) {
      ConfigurationException config = (ConfigurationException) failure;
      for (ConfigProblem problem : config.problems()) {
        err.println("Error: " + problem);
      }
      for (ConfigWarning warning : config.warnings()) {
        err.println("Warning: " + warning);
      }
      return CONFIGURATION;
    }
    if (failure instanceof JobConflictException) {
      JobConflictException conflict = (JobConflictException) failure;
      err.println(
          "Error: "
              + WORDS.advise(conflict.getMessage(), conflict.remedy(), conflict.jobName(), -1));
      return JOB_CONFLICT;
    }
    if (failure instanceof ServiceRunningException) {
      ServiceRunningException running = (ServiceRunningException) failure;
      err.println("Error: " + WORDS.advise(running.getMessage(), running.remedy(), null, -1));
      return SERVICE_STATE;
    }
    if (failure instanceof OssImportException) {
      Remedy remedy = ((OssImportException) failure).remedy();
      err.println(
          "Error: "
              + WORDS.advise(OssImportException.messageWithCauses(failure), remedy, null, -1));
      return RUNTIME;
    }
    if (failure instanceof InterruptedException) {
      err.println("Error: interrupted.");
      return RUNTIME;
    }
    err.println("Error: " + OssImportException.messageWithCauses(failure));
    return RUNTIME;
  }

  /** The remedies in Spark mode's words: the console's commands on the driver's machine. */
  static final RemedyWords WORDS =
      RemedyWords.builder()
          .submitJob("pass its job file with --job")
          .nameJob("name the job")
          .cleanJob(
              "run console.sh clean[ {job}] on the driver's machine to remove it first, or give the"
                  + " new job another jobName")
          .stopService(
              "stop the ossimport service or driver on that working directory first"
                  + " (console.sh stop), then submit again")
          .retryAndStart(
              "console.sh retry[ {job}] on the driver's machine and submit the job to Spark again")
          .startAgain("submit the job to Spark again to resume")
          .build();
}
