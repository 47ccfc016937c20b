package io.ossimport.core.jobtree;

import java.io.IOException;

/**
 * Lets {@link JobTree#retry(String, RedoExpander)} replace a failed entry by other entries in its
 * redo task: a directory that could not be listed at scan time ({@link
 * ReasonCode#UNREADABLE_DIRECTORY}) by the files below it, once it can be listed, so that a retry
 * looks at that directory only instead of listing the whole source again.
 */
public interface RedoExpander {
  /** Receives the entries that replace a failed one. */
  interface Entries {
    void add(TaskEntry entry) throws IOException;
  }

  /** Replaces nothing. */
  RedoExpander NONE =
      new RedoExpander() {
        @Override
        public boolean expands(ReasonCode reason) {
          return false;
        }

        @Override
        public void expand(TaskEntry failed, Entries out) throws IOException {
          out.add(failed.nextAttempt());
        }
      };

  /** Whether entries that failed with {@code reason} go through {@link #expand}. */
  boolean expands(ReasonCode reason);

  /**
   * Adds the entries that replace {@code failed} (at its next attempt), or {@code
   * failed.nextAttempt()} itself if it cannot be replaced yet.
   *
   * @throws IOException if it cannot be told (the retry stops; nothing of this task has changed)
   */
  void expand(TaskEntry failed, Entries out) throws IOException;
}
