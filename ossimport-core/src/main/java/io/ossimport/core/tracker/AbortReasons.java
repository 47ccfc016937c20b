package io.ossimport.core.tracker;

/**
 * Reads the cause of an {@code Abort} as recorded in a JOB record. Reasons are front-end neutral:
 * each front end adds its own retry and start ({@code api.RemedyWords#abortMessage}). Records
 * written before that may still carry the old advice in one front end's words; it is taken out
 * here, so {@code stat} of an old job tree names the commands of the front end that reads it.
 */
final class AbortReasons {
  /** Advice an older version stored inside a reason, one per front end (CLI, Maven, Ant). */
  private static final String[] OLD_ADVICE = {
    "; fix the cause, then run retry and start",
    ", then run retry and start",
    ", then ossimport:retry and ossimport:start",
    ", then run the retry and start tasks"
  };

  private AbortReasons() {}

  /** {@code stored} without any advice on retry and start an older version put in it. */
  static String neutral(String stored) {
    String reason = stored;
    for (String advice : OLD_ADVICE) {
      reason = reason.replace(advice, "");
    }
    return reason;
  }
}
