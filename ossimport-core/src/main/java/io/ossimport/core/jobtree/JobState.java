package io.ossimport.core.jobtree;

/** A job's state as {@code stat} prints it ({@code JobState:Succeed}); scripts grep these words. */
public enum JobState {
  RUNNING("Running"),
  SUCCEED("Succeed"),
  FAILED("Failed"),
  ABORT("Abort");

  private final String text;

  JobState(String text) {
    this.text = text;
  }

  /** The exact word in the JOB record and in {@code stat}. */
  public String text() {
    return text;
  }

  /** The state written as {@code text}, or {@code null}. */
  public static JobState fromText(String text) {
    for (JobState s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    return null;
  }
}
