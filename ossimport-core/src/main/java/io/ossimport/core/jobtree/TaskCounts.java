package io.ossimport.core.jobtree;

/** The number of tasks of a job in each state, as {@code stat} prints them. */
public final class TaskCounts {
  private final long pending;
  private final long dispatched;
  private final long succeed;
  private final long failed;

  public TaskCounts(long pending, long dispatched, long succeed, long failed) {
    this.pending = pending;
    this.dispatched = dispatched;
    this.succeed = succeed;
    this.failed = failed;
  }

  public long pending() {
    return pending;
  }

  public long dispatched() {
    return dispatched;
  }

  public long succeed() {
    return succeed;
  }

  public long failed() {
    return failed;
  }

  /** Every task the job has. */
  public long total() {
    return pending + dispatched + succeed + failed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskCounts)) {
      return false;
    }
    TaskCounts c = (TaskCounts) o;
    return c.pending == pending
        && c.dispatched == dispatched
        && c.succeed == succeed
        && c.failed == failed;
  }

  @Override
  public int hashCode() {
    return (int) (pending * 31 * 31 * 31 + dispatched * 31 * 31 + succeed * 31 + failed);
  }

  @Override
  public String toString() {
    return "pending="
        + pending
        + " dispatched="
        + dispatched
        + " succeed="
        + succeed
        + " failed="
        + failed;
  }
}
