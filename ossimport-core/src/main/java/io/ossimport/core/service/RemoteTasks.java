package io.ossimport.core.service;

import io.ossimport.core.tracker.TaskRunner;

/**
 * Where the service's tracker runs tasks when not in this JVM's worker: an engine that spreads them
 * over other machines (the Spark driver's executors). The tracker dispatches into {@code
 * dispatched/localhost} and completes from the runner's outcomes as in the standalone service; the
 * runner writes what the remote worker reported into the task's worker files first ({@link
 * io.ossimport.core.jobtree.WorkerTaskFiles#writeReported}).
 */
public interface RemoteTasks {

  /** What the tracker runs each dispatched task with. */
  TaskRunner runner();

  /** How many tasks the tracker keeps running at once (the engine queues what it cannot run). */
  int tasksAtOnce();
}
