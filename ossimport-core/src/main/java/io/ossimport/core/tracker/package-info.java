/**
 * The tracker role: dispatches pending tasks to task threads that run them through a {@link
 * io.ossimport.core.tracker.TaskRunner} (the worker), completes them into succeed_tasks or
 * failed_tasks, keeps the JOB counters exactly once across crashes and retries, decides each job's
 * state, and reads {@code stat}'s snapshots from the tree. Depends on {@code jobtree}, {@code
 * config} and the {@code api} value types only; the worker is reached through {@code TaskRunner}.
 */
package io.ossimport.core.tracker;
