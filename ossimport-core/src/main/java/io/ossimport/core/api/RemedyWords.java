package io.ossimport.core.api;

/**
 * How one front end words each {@link Remedy}: the CLI names {@code console.sh} commands, Maven
 * goals and parameters, Ant tasks and attributes. A front end says only its words; {@link #advise}
 * (the one place that joins them to the core's neutral message) is shared, so the three cannot
 * drift apart in how a message and its advice read.
 */
public abstract class RemedyWords {
  /** Advice for {@link Remedy#SUBMIT_JOB}. */
  protected abstract String submitJob();

  /** Advice for {@link Remedy#NAME_JOB}. */
  protected abstract String nameJob();

  /**
   * Advice for {@link Remedy#CLEAN_JOB}; {@code job} is null when the message does not name one.
   */
  protected abstract String cleanJob(String job);

  /** Advice for {@link Remedy#STOP_SERVICE}. */
  protected abstract String stopService();

  /** Advice for {@link Remedy#RETRY_AND_START}. */
  protected abstract String retryAndStart();

  /** Advice for {@link Remedy#START_AGAIN}. */
  protected abstract String startAgain();

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
        return retryAndStart();
      case START_AGAIN:
        return startAgain();
      case KILL_SERVICE:
        return pid < 0 ? null : "end it with: kill " + pid;
      default:
        return null;
    }
  }
}
