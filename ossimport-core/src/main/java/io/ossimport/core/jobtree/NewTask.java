package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * A task being written into {@code pending_tasks}, entry by entry, under a temp name; {@link
 * #commit} names it by the MD5 of its TASK file and renames it into place in one step, so a
 * half-written task never appears. Closing an uncommitted task discards it.
 *
 * <p>{@link #commit(Checkpoint)} writes the scan checkpoint that follows the task as part of the
 * same crash-safe step: the task is staged as {@code .staged-<id>}, the checkpoint naming {@code
 * <id>} is written, then the task is renamed into place. Recovery commits a staged task its
 * checkpoint names and discards any other, so a resumed scan neither loses nor repeats a task.
 */
public final class NewTask implements Closeable {
  /** Commit steps, for crash tests: stop after staging, or after the checkpoint. */
  static final int STAGED = 1;

  static final int CHECKPOINTED = 2;
  static final int ALL_STEPS = 3;

  private final JobTreeLayout layout;
  private final String job;
  private final Clock clock;
  private final Object commitLock;
  private final Path tempDir;
  private final FileChannel channel;
  private final MessageDigest md5;
  private final TaskFileWriter writer;
  private boolean finished;

  NewTask(JobTreeLayout layout, String job, Clock clock, Object commitLock) throws IOException {
    this.layout = layout;
    this.job = job;
    this.clock = clock;
    this.commitLock = commitLock;
    Path pending = layout.stateDir(job, TaskState.PENDING);
    AtomicFiles.createDirectories(pending);
    this.tempDir = pending.resolve(AtomicFiles.tempName("task"));
    Files.createDirectory(tempDir);
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
    this.channel = AtomicFiles.createNew(tempDir.resolve(JobTreeLayout.TASK_FILE), false);
    try {
      this.writer =
          new TaskFileWriter(new DigestOutputStream(Channels.newOutputStream(channel), md5));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Appends one object to the task. */
  public void add(TaskEntry entry) throws IOException {
    if (finished) {
      throw new IllegalStateException("the task is already committed or discarded");
    }
    writer.write(entry);
  }

  /** Entries added so far. */
  public long count() {
    return writer.count();
  }

  /** Records the failed task this redo task replaces (written by {@code retry}). */
  void origin(String failedTaskDirName) throws IOException {
    AtomicFiles.writeUtf8(tempDir.resolve(JobTreeLayout.ORIGIN_FILE), failedTaskDirName + "\n");
  }

  /** Moves the task into {@code pending_tasks/<id>} and returns its id. */
  public TaskId commit() throws IOException {
    return commit(null, null, ALL_STEPS);
  }

  /**
   * Moves the task into {@code pending_tasks/<id>} together with the scan checkpoint that follows
   * it (see the class comment), and returns its id.
   */
  public TaskId commit(CheckpointStore checkpoints, Checkpoint after) throws IOException {
    return commit(checkpoints, after, ALL_STEPS);
  }

  TaskId commit(CheckpointStore checkpoints, Checkpoint after, int steps) throws IOException {
    if (finished) {
      throw new IllegalStateException("the task is already committed or discarded");
    }
    if (writer.count() == 0) {
      throw new IllegalStateException("a task needs at least one entry");
    }
    writer.flush();
    channel.force(true);
    channel.close();
    AtomicFiles.fsyncDirectory(tempDir);
    finished = true;
    synchronized (commitLock) {
      TaskId id = TaskId.of(md5.digest(), clock.millis());
      while (Files.exists(layout.pendingTask(job, id))
          || Files.exists(layout.stagedTask(job, id))) {
        id = id.nextMillis(); // the same content in the same millisecond: step past it
      }
      if (after == null) {
        AtomicFiles.move(tempDir, layout.pendingTask(job, id));
        return id;
      }
      Path staged = layout.stagedTask(job, id);
      AtomicFiles.move(tempDir, staged);
      if (steps > STAGED) {
        checkpoints.write(after, id);
      }
      if (steps > CHECKPOINTED) {
        AtomicFiles.move(staged, layout.pendingTask(job, id));
      }
      return id;
    }
  }

  /** Discards the task unless it was committed. */
  @Override
  public void close() throws IOException {
    finished = true;
    try {
      channel.close();
    } finally {
      AtomicFiles.deleteRecursively(tempDir); // gone already if committed
    }
  }
}
