package io.ossimport.core.jobtree;

import java.time.Instant;
import java.util.Objects;

/**
 * A scan checkpoint: the scanner's opaque state after its last task, the id of that task and the
 * counts so far. The scanner defines the state string (any text; it is escaped on disk); the job
 * tree stores it and gives it back.
 */
public final class Checkpoint {
  private final int round;
  private final long sequence;
  private final String scannerState;
  private final TaskId lastTaskId;
  private final long tasks;
  private final long objects;
  private final long bytes;
  private final Instant writtenAt;

  Checkpoint(
      int round,
      long sequence,
      String scannerState,
      TaskId lastTaskId,
      long tasks,
      long objects,
      long bytes,
      Instant writtenAt) {
    if (round < 0 || tasks < 0 || objects < 0 || bytes < 0) {
      throw new IllegalArgumentException("checkpoint round and counts must not be negative");
    }
    this.round = round;
    this.sequence = sequence;
    this.scannerState = Objects.requireNonNull(scannerState, "scannerState");
    this.lastTaskId = lastTaskId;
    this.tasks = tasks;
    this.objects = objects;
    this.bytes = bytes;
    this.writtenAt = writtenAt;
  }

  /**
   * A checkpoint to write: the scanner's state in {@code round} after {@code tasks} tasks holding
   * {@code objects} objects and {@code bytes} bytes.
   */
  public static Checkpoint of(
      int round, String scannerState, long tasks, long objects, long bytes) {
    return new Checkpoint(round, 0, scannerState, null, tasks, objects, bytes, null);
  }

  Checkpoint stored(long newSequence, TaskId taskId, Instant now) {
    return new Checkpoint(round, newSequence, scannerState, taskId, tasks, objects, bytes, now);
  }

  /** The scan round (0 = first pass). */
  public int round() {
    return round;
  }

  /** The checkpoint's number within its round, from 1; 0 before it is stored. */
  public long sequence() {
    return sequence;
  }

  public String scannerState() {
    return scannerState;
  }

  /** The last task written before this checkpoint, or {@code null}. */
  public TaskId lastTaskId() {
    return lastTaskId;
  }

  public long tasks() {
    return tasks;
  }

  public long objects() {
    return objects;
  }

  public long bytes() {
    return bytes;
  }

  /** When it was stored, or {@code null} before. */
  public Instant writtenAt() {
    return writtenAt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Checkpoint)) {
      return false;
    }
    Checkpoint c = (Checkpoint) o;
    return c.round == round
        && c.sequence == sequence
        && c.scannerState.equals(scannerState)
        && Objects.equals(c.lastTaskId, lastTaskId)
        && c.tasks == tasks
        && c.objects == objects
        && c.bytes == bytes
        && Objects.equals(c.writtenAt, writtenAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(round, sequence, scannerState, lastTaskId, tasks, objects, bytes);
  }

  @Override
  public String toString() {
    return "checkpoint " + round + "/" + sequence + " after task " + lastTaskId;
  }
}
