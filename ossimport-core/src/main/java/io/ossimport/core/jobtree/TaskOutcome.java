package io.ossimport.core.jobtree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How a dispatched task ended, as the worker reports it to {@link JobTree#complete}: its status and
 * the objects that failed (at most one task's worth, so a list is bounded), and, when the runner
 * counted them, its {@link EntryCounts}.
 */
public final class TaskOutcome {
  private final TaskStatus status;
  private final List<ErrorEntry> errors;
  private final EntryCounts counts;

  private TaskOutcome(TaskStatus status, List<ErrorEntry> errors) {
    this(status, errors, null);
  }

  private TaskOutcome(TaskStatus status, List<ErrorEntry> errors, EntryCounts counts) {
    this.status = status;
    this.errors = errors;
    this.counts = counts;
  }

  /** Every object done (uploaded or skipped). */
  public static TaskOutcome completed() {
    return new TaskOutcome(TaskStatus.COMPLETED, Collections.<ErrorEntry>emptyList());
  }

  /**
   * The task ran to its end and these objects failed. An empty list means the whole task failed
   * (for example the worker gave up on it): {@code retry} then redoes every entry.
   */
  public static TaskOutcome failed(List<ErrorEntry> errors) {
    List<ErrorEntry> copy = new ArrayList<>(errors);
    for (ErrorEntry e : copy) {
      Objects.requireNonNull(e, "error entry");
    }
    return new TaskOutcome(TaskStatus.FAILED, Collections.unmodifiableList(copy));
  }

  /** {@link #completed()} when nothing failed, else {@link #failed}. */
  public static TaskOutcome of(List<ErrorEntry> errors) {
    return errors.isEmpty() ? completed() : failed(errors);
  }

  public TaskStatus status() {
    return status;
  }

  public List<ErrorEntry> errors() {
    return errors;
  }

  /** This outcome with what the runner counted of the task's entries. */
  public TaskOutcome withCounts(EntryCounts counted) {
    return new TaskOutcome(status, errors, Objects.requireNonNull(counted, "counts"));
  }

  /**
   * What the runner counted of every entry of the task, or {@code null} if it did not count them
   * (the tracker then counts from the task's audit log).
   */
  public EntryCounts counts() {
    return counts;
  }

  @Override
  public String toString() {
    return status.text() + " (" + errors.size() + " failed objects)";
  }
}
