package io.ossimport.core.api;

/**
 * How one front end words each {@link Remedy}: the CLI names {@code console.sh} commands, Maven
 * goals and parameters, Ant tasks and attributes. A front end says only its words; {@link #advise}
 * (the one place that joins them to the core's neutral message) is shared, so the three cannot
 * drift apart in how a message and its advice read.
 *
 * <p>Each front end words every remedy; one it leaves unworded (null) adds no advice: the core's
 * message stands alone, and retry and start are named as such.
 */
public abstract class RemedyWords {
  /** How retry and start are named where the front end gives no words for them. */
  static final String RETRY_AND_START = "retry and start";

  /** Advice for {@link Remedy#SUBMIT_JOB}. */
  protected String submitJob() {
    return null;
  }

  /** Advice for {@link Remedy#NAME_JOB}. */
  protected String nameJob() {
    return null;
  }

  /**
   * Advice for {@link Remedy#CLEAN_JOB}; {@code job} is null when the message does not name one.
   */
  protected String cleanJob(String job) {
    return null;
  }

  /** Advice for {@link Remedy#STOP_SERVICE}. */
  protected String stopService() {
    return null;
  }

  /**
   * The commands of {@link Remedy#RETRY_AND_START}, e.g. {@code console.sh retry job1 and
   * console.sh start}; {@code job} is null when the message does not name one.
   */
  protected String retryAndStart(String job) {
    return null;
  }

  /**
   * Where else than the job file and the environment this front end takes the AccessKey from (e.g.
   * {@code the settings.xml <server> of serverId}), or null when nowhere else.
   */
  protected String credentialOrigin() {
    return null;
  }

  /** Advice for {@link Remedy#START_AGAIN}. */
  protected String startAgain() {
    return null;
  }

  /**
   * The core's neutral {@code message} followed by {@code remedy} in this front end's words: {@code
   * message; advice.}
   *
   * @param job the job the failure names, or null
   * @param pid the service's process id for {@link Remedy#KILL_SERVICE}, or a negative number when
   *     unknown (then the message stands alone)
   */
  public final String advise(String message, Remedy remedy, String job, long pid) {
    String advice = advice(remedy, job, pid);
    if (advice == null) {
      return message;
    }
    String base = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return base + "; " + advice + ".";
  }

  /** What an {@link ImportEvent} log line says, with its remedy in this front end's words. */
  public final String render(ImportEvent event) {
    return advise(event.message(), event.remedy(), event.jobName(), -1);
  }

  /**
   * The failure of an {@code Abort}ed job: its cause when recorded, and this front end's retry and
   * start.
   */
  public final String abortMessage(JobStatus job) {
    return JobReport.abortMessage(job, retryAndStart(this, job.jobName()));
  }

  /**
   * The failure of a job that ended with failed tasks: how many, where a credential comes from
   * (read there again at each start), and this front end's retry and start.
   */
  public final String failedTasksMessage(JobStatus job) {
    String other = credentialOrigin();
    return "Job "
        + job.jobName()
        + " has "
        + job.failedTasks()
        + " failed task(s); fix the cause (a credential error: the AccessKey comes from the job"
        + (other == null ? " file or the environment" : " file, the environment or " + other)
        + ", and is read there again at each start), then run "
        + retryAndStart(this, job.jobName())
        + ".";
  }

  /** The retry and start of {@code words}, or their plain names when it has none. */
  static String retryAndStart(RemedyWords words, String job) {
    String commands = words.retryAndStart(job);
    return commands == null ? RETRY_AND_START : commands;
  }

  private String advice(Remedy remedy, String job, long pid) {
    switch (remedy) {
      case SUBMIT_JOB:
        return submitJob();
      case NAME_JOB:
        return nameJob();
      case CLEAN_JOB:
        return cleanJob(job);
      case STOP_SERVICE:
        return stopService();
      case RETRY_AND_START:
        return "fix the cause, then run " + retryAndStart(this, job);
      case START_AGAIN:
        return startAgain();
      case KILL_SERVICE:
        return pid < 0 ? null : "end it with: kill " + pid;
      default:
        return null;
    }
  }
}
