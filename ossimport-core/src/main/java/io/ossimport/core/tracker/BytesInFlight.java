package io.ossimport.core.tracker;

import io.ossimport.core.jobtree.TaskId;
import java.util.Collections;
import java.util.Map;

/**
 * What the worker of this process has sent of the objects in flight of a running task, by entry
 * index: parts OSS confirmed plus what open requests have read. Only a live service knows it (it is
 * kept in memory); a reader without one counts the confirmed parts in the multipart records.
 */
public interface BytesInFlight {
  /** No live worker: every entry falls back to its multipart record. */
  BytesInFlight NONE = (job, task) -> Collections.emptyMap();

  /** Bytes sent so far per entry in flight of the task; empty if the task does not run here. */
  Map<Integer, Long> of(String job, TaskId task);
}
