/**
 * The on-disk job tree, the engine's single source of truth.
 *
 * <p>{@link io.ossimport.core.jobtree.JobTree} is the only class that knows the layout under the
 * working directory; everything else asks it for paths, readers and writers. Every state change is
 * a file written by {@link io.ossimport.core.jobtree.AtomicFiles} (temp file, fsync, rename, fsync
 * of the directory) or one atomic directory rename, so a process killed at any instant leaves a
 * tree that {@link io.ossimport.core.jobtree.JobTree#recover(String)} turns back into a consistent
 * one. The formats and the crash-safety argument for each transition are in {@code
 * docs/JOB-TREE.md}.
 */
package io.ossimport.core.jobtree;
