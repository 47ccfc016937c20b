package io.ossimport.core.jobtree;

import java.util.Objects;

/** A task as found in the tree: its id, its state and, once dispatched, its worker. */
public final class TaskRef {
  private final TaskId id;
  private final TaskState state;
  private final String worker;

  public TaskRef(TaskId id, TaskState state, String worker) {
    this.id = Objects.requireNonNull(id, "id");
    this.state = Objects.requireNonNull(state, "state");
    if ((state == TaskState.PENDING) != (worker == null)) {
      throw new IllegalArgumentException("a task has a worker exactly when it is not pending");
    }
    this.worker = worker;
  }

  public TaskId id() {
    return id;
  }

  public TaskState state() {
    return state;
  }

  /** The worker the task was dispatched to; {@code null} when pending. */
  public String worker() {
    return worker;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskRef
        && ((TaskRef) o).id.equals(id)
        && ((TaskRef) o).state == state
        && Objects.equals(((TaskRef) o).worker, worker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state, worker);
  }

  @Override
  public String toString() {
    return state + " " + (worker == null ? id.toString() : id.finalDirName(worker));
  }
}
