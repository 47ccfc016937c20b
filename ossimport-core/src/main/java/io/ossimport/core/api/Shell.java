package io.ossimport.core.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the build-tool front ends (the Maven goals, the Ant tasks) share between their parameters
 * and the core: the facade opened once, the engine's events and the closing summaries written to
 * the tool's log, and every failure classified and worded once as a {@link Failure}, which the
 * front end only turns into its own exception.
 */
public final class Shell {
  /** A front end's log: one line at one level. */
  public interface Log {
    void log(ImportEvent.Level level, String line);

    /** The log that writes each level's lines to its own {@code error}, ... {@code debug}. */
    static Log of(
        Consumer<String> error,
        Consumer<String> warn,
        Consumer<String> info,
        Consumer<String> debug) {
      return (level, line) -> {
        if (level == ImportEvent.Level.ERROR) {
          error.accept(line);
        } else if (level == ImportEvent.Level.WARN) {
          warn.accept(line);
        } else if (level == ImportEvent.Level.INFO) {
          info.accept(line);
        } else {
          debug.accept(line);
        }
      };
    }
  }

  /** One call into the core. */
  public interface Call<T> {
    T apply(OssImport ossImport) throws OssImportException, InterruptedException;
  }

  /** A failure of a call, an unfinished outcome or a job, with its message in the front's words. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the failure asks of the user. */
    public enum Kind {
      /**
       * Change something first: a rejected configuration, a job or service in the way, a deadline
       * the user chose that passed.
       */
      REFUSED,
      /** Trouble while running: a core error, an interrupt, the unexpected, an aborted job. */
      TROUBLE,
      /** A job that ended with failed tasks: fix the cause, then retry and start. */
      FAILED_TASKS
    }

    private final Kind kind;

    Failure(Kind kind, String message, Throwable cause) {
      super(message, cause);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  private final Path sysConfig;
  private final Map<String, String> sysOverrides = new LinkedHashMap<String, String>();
  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;
  private final RemedyWords words;
  private final Log log;
  private OssImport ossImport;

  /**
   * @param sysConfig the sys.properties to read, or null for defaults
   * @param workDir the working directory, replacing {@code workingDir} of sys.properties, or null
   * @param environment where the core finds OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET
   * @param supplied the front end's credentials, given to every call
   * @param words the front end's remedy words
   * @param log where events, configuration warnings and summaries go
   */
  public Shell(
      Path sysConfig,
      Path workDir,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      RemedyWords words,
      Log log) {
    this.sysConfig = sysConfig;
    if (workDir != null) {
      sysOverrides.put("workingDir", workDir.toAbsolutePath().toString());
    }
    this.environment = environment;
    this.supplied = supplied;
    this.words = words;
    this.log = log;
  }

  /**
   * Opens the facade once (reading sys.properties), then applies {@code call} to it. A rejected
   * configuration logs its warnings first; an interrupt keeps the thread's interrupt status.
   */
  public <T> T run(Call<T> call) throws Failure {
    try {
      if (ossImport == null) {
        ossImport =
            OssImport.open(sysConfig, sysOverrides, environment, supplied, listener(words, log));
      }
      return call.apply(ossImport);
    } catch (ConfigurationException e) {
      for (ConfigWarning warning : e.warnings()) {
        log.log(ImportEvent.Level.WARN, warning.toString());
      }
      throw new Failure(Failure.Kind.REFUSED, e.getMessage(), e);
    } catch (JobConflictException e) {
      String message = words.advise(e.getMessage(), e.remedy(), e.jobName(), -1);
      throw new Failure(Failure.Kind.REFUSED, message, e);
    } catch (ServiceRunningException e) {
      String message = words.advise(e.getMessage(), e.remedy(), null, e.pid());
      throw new Failure(Failure.Kind.REFUSED, message, e);
    } catch (OssImportException e) {
      String message = words.advise(e.getMessage(), e.remedy(), null, -1);
      throw new Failure(Failure.Kind.TROUBLE, message, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      String message = "Interrupted; the job's progress is kept on disk.";
      throw new Failure(Failure.Kind.TROUBLE, message, e);
    } catch (RuntimeException e) {
      throw new Failure(Failure.Kind.TROUBLE, "ossimport failed unexpectedly: " + e, e);
    }
  }

  /**
   * The failure of an unfinished outcome, or null when it finished: a deadline passed is {@link
   * Failure.Kind#REFUSED} (the user chose the timeout), anything else (a stop that timed out...)
   * {@link Failure.Kind#TROUBLE}.
   */
  public Failure failureOf(ServiceOutcome outcome) {
    if (outcome.finished()) {
      return null;
    }
    String message = words.advise(outcome.message(), outcome.remedy(), null, outcome.pid());
    boolean deadline = outcome.kind() == ServiceOutcome.Kind.DEADLINE_PASSED;
    return new Failure(deadline ? Failure.Kind.REFUSED : Failure.Kind.TROUBLE, message, null);
  }

  /**
   * Logs the summary of a finished (or last seen) job, as warnings when it ended with failed tasks,
   * and returns what fails the front end: an aborted job ({@link Failure.Kind#TROUBLE}), one with
   * failed tasks ({@link Failure.Kind#FAILED_TASKS}); null when the job succeeded or still runs.
   */
  public Failure summarize(JobStatus job, Path workingDir) {
    boolean failed = JobReport.hasFailedTasks(job) && job.state() != JobState.Running;
    ImportEvent.Level level = failed ? ImportEvent.Level.WARN : ImportEvent.Level.INFO;
    for (String line : JobReport.summary(job, workingDir, words)) {
      log.log(level, line);
    }
    String failure = JobReport.failureOf(job, words);
    if (failure == null) {
      return null;
    }
    boolean aborted = job.state() == JobState.Abort;
    return new Failure(aborted ? Failure.Kind.TROUBLE : Failure.Kind.FAILED_TASKS, failure, null);
  }

  /**
   * The engine's events on {@code log}: each at its own level, prefixed with its job and its remedy
   * in {@code words}; a progress snapshot as one INFO line (the engine sends them at most every few
   * seconds).
   */
  public static ImportListener listener(RemedyWords words, Log log) {
    return event -> {
      if (event.isProgress()) {
        log.log(ImportEvent.Level.INFO, JobReport.progressLine(event.progress()));
        return;
      }
      String job = event.jobName() == null ? "" : event.jobName() + ": ";
      log.log(event.level(), job + words.render(event));
    };
  }
}
