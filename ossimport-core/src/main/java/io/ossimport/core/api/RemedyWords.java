package io.ossimport.core.api;

import java.util.EnumMap;
import java.util.Map;

/**
 * How one front end words each {@link Remedy}: the CLI names {@code console.sh} commands, Maven
 * goals and parameters, Ant tasks and attributes. A front end gives only its words, as data through
 * {@link #builder()}; {@link #advise} (the one place that joins them to the core's neutral message)
 * is shared, so the front ends cannot drift apart in how a message and its advice read.
 *
 * <p>Words that name a job hold a {@code {job}} placeholder inside one {@code [...]} part, e.g.
 * {@code "run console.sh clean[ {job}] to remove it first"}: when the message names a job the part
 * stays with the job's name in place of {@code {job}}, when it names none the part is left out
 * whole. A remedy left unworded adds no advice: the core's message stands alone, and retry and
 * start are named as such.
 */
public final class RemedyWords {
  /** How retry and start are named where the front end gives no words for them. */
  static final String RETRY_AND_START = "retry and start";

  private static final String JOB = "{job}";

  private final Map<Remedy, String> words;
  private final String credentialOrigin;

  private RemedyWords(Map<Remedy, String> words, String credentialOrigin) {
    this.words = new EnumMap<Remedy, String>(words);
    this.credentialOrigin = credentialOrigin;
  }

  /** Words for no remedy: every message stands alone. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects one front end's words; each method words one remedy. */
  public static final class Builder {
    private final Map<Remedy, String> words = new EnumMap<Remedy, String>(Remedy.class);
    private String credentialOrigin;

    private Builder() {}

    /** Advice for {@link Remedy#SUBMIT_JOB}. */
    public Builder submitJob(String advice) {
      return word(Remedy.SUBMIT_JOB, advice);
    }

    /** Advice for {@link Remedy#NAME_JOB}. */
    public Builder nameJob(String advice) {
      return word(Remedy.NAME_JOB, advice);
    }

    /** Advice for {@link Remedy#CLEAN_JOB}; may name the job in a {@code [...{job}...]} part. */
    public Builder cleanJob(String advice) {
      return word(Remedy.CLEAN_JOB, advice);
    }

    /** Advice for {@link Remedy#STOP_SERVICE}. */
    public Builder stopService(String advice) {
      return word(Remedy.STOP_SERVICE, advice);
    }

    /**
     * The commands of {@link Remedy#RETRY_AND_START}, e.g. {@code console.sh retry[ {job}] and
     * console.sh start}; may name the job in a {@code [...{job}...]} part.
     */
    public Builder retryAndStart(String commands) {
      return word(Remedy.RETRY_AND_START, commands);
    }

    /** Advice for {@link Remedy#START_AGAIN}. */
    public Builder startAgain(String advice) {
      return word(Remedy.START_AGAIN, advice);
    }

    /**
     * Where else than the job file and the environment this front end takes the AccessKey from
     * (e.g. {@code the settings.xml <server> of serverId}).
     */
    public Builder credentialOrigin(String origin) {
      this.credentialOrigin = origin;
      return this;
    }

    /** These words; later calls to this builder do not change them. */
    public RemedyWords build() {
      return new RemedyWords(words, credentialOrigin);
    }

    private Builder word(Remedy remedy, String text) {
      int open = text.indexOf('[');
      int close = text.indexOf(']');
      boolean onePart =
          open < 0
              ? close < 0
              : close > open && text.indexOf('[', open + 1) < 0 && text.indexOf(']', close + 1) < 0;
      String outside = open < 0 ? text : text.substring(0, open) + text.substring(close + 1);
      if (!onePart || outside.contains(JOB)) {
        throw new IllegalArgumentException(
            "The words for "
                + remedy
                + " ("
                + text
                + ") must name the job only inside one [...] part, e.g. \"clean[ {job}]\".");
      }
      words.put(remedy, text);
      return this;
    }
  }

  /**
   * The core's neutral {@code message} followed by {@code remedy} in this front end's words: {@code
   * message; advice.}
   *
   * @param job the job the failure names, or null
   * @param pid the service's process id for {@link Remedy#KILL_SERVICE}, or a negative number when
   *     unknown (then the message stands alone)
   */
  public String advise(String message, Remedy remedy, String job, long pid) {
    String advice = advice(remedy, job, pid);
    if (advice == null) {
      return message;
    }
    String base = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return base + "; " + advice + ".";
  }

  /** What an {@link ImportEvent} log line says, with its remedy in this front end's words. */
  public String render(ImportEvent event) {
    return advise(event.message(), event.remedy(), event.jobName(), -1);
  }

  /**
   * The failure of an {@code Abort}ed job: its cause when recorded, and this front end's retry and
   * start.
   */
  public String abortMessage(JobStatus job) {
    return JobReport.abortMessage(job, retryAndStart(job.jobName()));
  }

  /**
   * The failure of a job that ended with failed tasks: how many, where a credential comes from
   * (read there again at each start), and this front end's retry and start.
   */
  public String failedTasksMessage(JobStatus job) {
    return "Job "
        + job.jobName()
        + " has "
        + job.failedTasks()
        + " failed task(s); fix the cause (a credential error: the AccessKey comes from the job"
        + (credentialOrigin == null
            ? " file or the environment"
            : " file, the environment or " + credentialOrigin)
        + ", and is read there again at each start), then run "
        + retryAndStart(job.jobName())
        + ".";
  }

  /** This front end's retry and start for {@code job} (or none), or their plain names. */
  String retryAndStart(String job) {
    String commands = words(Remedy.RETRY_AND_START, job);
    return commands == null ? RETRY_AND_START : commands;
  }

  private String advice(Remedy remedy, String job, long pid) {
    switch (remedy) {
      case RETRY_AND_START:
        return "fix the cause, then run " + retryAndStart(job);
      case KILL_SERVICE:
        return pid < 0 ? null : "end it with: kill " + pid;
      default:
        return words(remedy, job);
    }
  }

  /**
   * The words of {@code remedy} with the part naming the job filled in, or left out without one.
   */
  private String words(Remedy remedy, String job) {
    String text = words.get(remedy);
    int open = text == null ? -1 : text.indexOf('[');
    if (open < 0) {
      return text;
    }
    int close = text.indexOf(']', open);
    String part = job == null ? "" : text.substring(open + 1, close).replace(JOB, job);
    return text.substring(0, open) + part + text.substring(close + 1);
  }
}
