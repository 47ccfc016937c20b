package io.ossimport.core.jobtree;

/** The content of a finished task's {@code STATUS} file. */
public enum TaskStatus {
  COMPLETED("Completed"),
  FAILED("Failed");

  private final String text;

  TaskStatus(String text) {
    this.text = text;
  }

  /** The exact text of the STATUS file, as the original tool and its scripts expect. */
  public String text() {
    return text;
  }

  /** The STATUS text read back ({@code Completed} or {@code Failed}), or {@code null}. */
  public static TaskStatus fromText(String text) {
    for (TaskStatus status : values()) {
      if (status.text.equals(text.trim())) {
        return status;
      }
    }
    return null;
  }
}
