package io.ossimport.core.master;

import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.CheckpointStore;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.NewTask;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;

/**
 * Cuts a listing into tasks: a task closes when it holds {@code countLimit} objects or {@code
 * sizeLimit} bytes, or when the next object would take it past {@code sizeLimit}, or belongs to
 * another {@linkplain SourceObject#group() group} than the task's. A file is never split, so a file
 * larger than the limit is a task of its own; an unknown size (-1) counts as 0. Each task is
 * committed together with the checkpoint taken right after its last object, so a scan killed at any
 * instant resumes with nothing lost and nothing listed twice. Memory: one entry at a time (the task
 * streams to disk).
 */
final class TaskCutter {
  /** Told after each committed task (the tracker can dispatch it at once). */
  interface Committed {
    void afterCommit(Checkpoint totals) throws IOException;
  }

  /** Blocks that may wait on the listing; the master lets a stop interrupt only these. */
  interface ListingCalls {
    SourceObject call(Listing listing) throws IOException, InterruptedException;
  }

  private final JobTree tree;
  private final String job;
  private final int round;
  private final String destPrefix;
  private final long countLimit;
  private final long sizeLimit;
  private final CheckpointStore checkpoints;
  private final Committed committed;

  private long modifiedSinceMillis = Long.MIN_VALUE;
  private long tasks;
  private long objects;
  private long bytes;
  private long unchanged;

  TaskCutter(
      JobTree tree,
      String job,
      int round,
      String destPrefix,
      long countLimit,
      long sizeLimit,
      Checkpoint resumeFrom,
      Committed committed) {
    if (countLimit < 1 || sizeLimit < 1) {
      throw new IllegalArgumentException("task limits must be positive");
    }
    this.tree = tree;
    this.job = job;
    this.round = round;
    this.destPrefix = destPrefix;
    this.countLimit = countLimit;
    this.sizeLimit = sizeLimit;
    this.checkpoints = tree.checkpoints(job);
    this.committed = committed;
    if (resumeFrom != null) {
      tasks = resumeFrom.tasks();
      objects = resumeFrom.objects();
      bytes = resumeFrom.bytes();
    }
  }

  /**
   * Puts into tasks only objects modified at or after {@code millis} (an incremental round), and
   * those whose modification time the source does not know. The others are consumed and counted in
   * {@link #unchanged()}; after every {@code countLimit} of them a checkpoint is taken (committing
   * the open task first), so that a rescan that finds little new still resumes near where it died.
   */
  void onlyModifiedSince(long millis) {
    this.modifiedSinceMillis = millis;
  }

  /**
   * Reads the listing to its end, committing tasks as they fill.
   *
   * @param peek how to peek (the master wraps it so that a stop can interrupt the wait)
   * @param next how to consume
   */
  void cut(Listing listing, ListingCalls peek, ListingCalls next)
      throws IOException, InterruptedException {
    NewTask task = null;
    long count = 0;
    long size = 0;
    String group = null;
    long unchangedSinceCheckpoint = 0;
    try {
      while (true) {
        SourceObject upcoming = peek.call(listing);
        if (upcoming == null) {
          break;
        }
        if (isUnchanged(upcoming)) {
          next.call(listing);
          unchanged++;
          if (++unchangedSinceCheckpoint >= countLimit) {
            if (task != null) {
              commit(task, listing, count, size);
              task = null;
            } else {
              checkpoints.write(Checkpoint.of(round, listing.checkpoint(), tasks, objects, bytes));
            }
            unchangedSinceCheckpoint = 0;
          }
          continue;
        }
        long upcomingSize = Math.max(0, upcoming.size());
        if (task != null
            && (size + upcomingSize > sizeLimit || otherGroup(group, upcoming.group()))) {
          commit(task, listing, count, size);
          task = null;
        }
        if (task == null) {
          task = tree.newTask(job);
          count = 0;
          size = 0;
          group = null;
        }
        SourceObject object = next.call(listing);
        if (group == null) {
          group = object.group();
        }
        task.add(
            TaskEntry.of(
                object.reference(),
                destPrefix + object.destinationName(),
                object.size(),
                object.lastModifiedMillis()));
        count++;
        size += Math.max(0, object.size());
        if (count >= countLimit || size >= sizeLimit) {
          commit(task, listing, count, size);
          task = null;
          unchangedSinceCheckpoint = 0;
        }
      }
      if (task != null) {
        commit(task, listing, count, size);
        task = null;
      }
    } finally {
      if (task != null) {
        task.close(); // uncommitted: discarded; the resumed scan lists its objects again
      }
    }
  }

  private static boolean otherGroup(String taskGroup, String objectGroup) {
    return taskGroup != null && objectGroup != null && !taskGroup.equals(objectGroup);
  }

  private boolean isUnchanged(SourceObject object) {
    long mtime = object.lastModifiedMillis();
    return mtime >= 0 && mtime < modifiedSinceMillis;
  }

  /**
   * Stores a checkpoint at the end of the listing with the counts so far, with no task: the counts
   * the next incremental round starts from, and a resume point that lists nothing more.
   */
  void checkpointEnd(Listing listing) throws IOException {
    checkpoints.write(Checkpoint.of(round, listing.checkpoint(), tasks, objects, bytes));
  }

  private void commit(NewTask task, Listing listing, long count, long size) throws IOException {
    Checkpoint after =
        Checkpoint.of(round, listing.checkpoint(), tasks + 1, objects + count, bytes + size);
    task.commit(checkpoints, after);
    tasks++;
    objects += count;
    bytes += size;
    committed.afterCommit(after);
  }

  long tasks() {
    return tasks;
  }

  long objects() {
    return objects;
  }

  long bytes() {
    return bytes;
  }

  /** Objects left out as not modified since the round's {@link #onlyModifiedSince} time. */
  long unchanged() {
    return unchanged;
  }
}
