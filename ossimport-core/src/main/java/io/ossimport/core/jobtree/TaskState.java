package io.ossimport.core.jobtree;

/** Where a task is in its life, one directory of the job tree per state. */
public enum TaskState {
  /** {@code pending_tasks/<id>/}: split, not yet handed to a worker. */
  PENDING,
  /** {@code dispatched/<worker>/<id>/}: handed to a worker, not finished. */
  DISPATCHED,
  /** {@code succeed_tasks/<id>@<worker>/}: every object done. */
  SUCCEED,
  /** {@code failed_tasks/<id>@<worker>/}: ran to its end with objects that failed. */
  FAILED
}
