package io.ossimport.core.tracker;

import io.ossimport.core.api.TaskProgress;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.ProgressLogFollower;
import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.WorkerTaskFiles;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * The progress of one running task, kept up to date from the lines its worker appends to the
 * progress log, so that a progress event costs what was appended since the last one, not the size
 * of the task. The TASK file is read once, for the entries' sizes: the log's DONE and FAILED lines
 * name an entry by index only and come in any order, and an entry's last event may change (FAILED,
 * then BEGIN again on a resume), so the sizes and which entries count are kept: 8 bytes and a bit
 * per entry, where a full read held a record per entry for the duration of each read.
 *
 * <p>Counts what a full read of the log counts: entries whose last event is DONE or FAILED, as
 * objects and with their whole size; and the bytes already sent of entries whose last event is
 * BEGIN (objects in flight): what the live worker reports, else the confirmed parts of the entry's
 * multipart record. The live numbers are taken before the log is read and the worker drops an
 * object's number only after its DONE or FAILED line, so no object is missed or counted twice.
 */
final class RunningTaskProgress implements ProgressLogFollower.Listener {
  private final String taskId;
  private final long[] sizes;
  private final long totalBytes;
  private final ProgressLogFollower log;
  private final WorkerTaskFiles files;
  private final BitSet finished = new BitSet();
  private final BitSet begun = new BitSet();
  private long doneObjects;
  private long doneBytes;

  private RunningTaskProgress(
      String taskId, long[] sizes, WorkerTaskFiles files, ProgressLogFollower log) {
    this.taskId = taskId;
    this.files = files;
    this.sizes = sizes;
    long bytes = 0;
    for (long size : sizes) {
      bytes += size;
    }
    this.totalBytes = bytes;
    this.log = log;
  }

  /** Reads the task's TASK file (once) and starts following its progress log. */
  static RunningTaskProgress open(JobTree tree, String job, TaskRef task, WorkerTaskFiles files)
      throws IOException {
    long[] sizes = new long[64];
    int count = 0;
    try (TaskFileReader entries = tree.openTask(job, task)) {
      for (TaskEntry e = entries.next(); e != null; e = entries.next()) {
        if (count == sizes.length) {
          sizes = Arrays.copyOf(sizes, count * 2);
        }
        sizes[count++] = Math.max(0, e.size());
      }
    }
    return new RunningTaskProgress(
        task.id().toString(), Arrays.copyOf(sizes, count), files, files.followProgress());
  }

  /**
   * Reads what the worker appended since the last call, and the progress it adds up to.
   *
   * @param live bytes sent per entry in flight, taken before this call (empty: none known)
   */
  TaskProgress read(Map<Integer, Long> live) throws IOException {
    log.readNew(this);
    long sending = 0;
    for (int i = begun.nextSetBit(0); i >= 0; i = begun.nextSetBit(i + 1)) {
      Long sent = live.get(i);
      sending += Math.min(sizes[i], sent != null ? sent : confirmedParts(i));
    }
    return new TaskProgress(taskId, doneBytes + sending, totalBytes, doneObjects, sizes.length);
  }

  /** Bytes of the parts entry {@code index}'s multipart record holds (0 without a record). */
  private long confirmedParts(int index) throws IOException {
    MultipartState upload = files.readMultipart(index);
    if (upload == null) {
      return 0;
    }
    long bytes = 0;
    long partSize = upload.partSize();
    for (int n : upload.parts().keySet()) {
      bytes += Math.max(0, Math.min(partSize, sizes[index] - (n - 1L) * partSize));
    }
    return bytes;
  }

  @Override
  public void restart() {
    finished.clear();
    begun.clear();
    doneObjects = 0;
    doneBytes = 0;
  }

  @Override
  public void event(int index, EntryState state) {
    if (index >= sizes.length) {
      return; // not an entry of this TASK: a full read ignores it too
    }
    begun.set(index, state == EntryState.BEGUN);
    boolean nowFinished = state == EntryState.DONE || state == EntryState.FAILED;
    if (nowFinished != finished.get(index)) {
      finished.set(index, nowFinished);
      int sign = nowFinished ? 1 : -1;
      doneObjects += sign;
      doneBytes += sign * sizes[index];
    }
  }
}
