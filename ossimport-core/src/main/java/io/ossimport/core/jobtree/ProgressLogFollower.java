package io.ossimport.core.jobtree;

import io.ossimport.core.jobtree.RecordedProgress.EntryState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Follows one task's progress log while the worker appends to it, reading each line once: it
 * remembers the byte offset up to which the log's valid lines were read, and each {@link #readNew}
 * reads only the lines appended since. It reads exactly what {@link ProgressLog#read} reads: a torn
 * last line (no LF yet, or garbled) is left for the next call, and nothing past it is read.
 *
 * <p>The worker only appends to a progress log, or cuts a torn tail off before appending again
 * after a crash. A log that is gone, shorter than what was read, or another file (its file key
 * changed) was replaced: the listener is told to {@linkplain Listener#restart forget} and the log
 * is read again from the start. Memory: a few numbers, whatever the log's length. Not thread-safe.
 */
public final class ProgressLogFollower {
  /** Receives the events of the log, each once, in the order they were written. */
  public interface Listener {
    /** The log was replaced: forget every event received so far; they come again from the start. */
    void restart();

    /** Entry {@code index} of the TASK file now has {@code state} (never NOT_STARTED). */
    void event(int index, EntryState state);
  }

  private final Path file;
  private long offset;
  private Object fileKey;

  ProgressLogFollower(Path file) {
    this.file = file;
  }

  /**
   * Feeds the events appended since the last call (all of them on the first) to {@code listener}.
   */
  public void readNew(Listener listener) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Object before = identify(listener);
      long read =
          AppendLog.readFrom(
              file,
              offset,
              ProgressLog.HEADER,
              ProgressLog::isValid,
              (line, number) -> feed(line, listener));
      Object after = fileKeyOrNull();
      offset = read;
      if (Objects.equals(before, after) || attempt == 1) {
        return;
      }
      // Replaced while we read it: what was fed may be from either file; read the new one whole.
      restart(listener);
      fileKey = after;
    }
  }

  /** Bytes of the log read so far (its valid lines, header included). */
  public long offset() {
    return offset;
  }

  /**
   * The current file's key, after restarting the listener if the log is not the one read so far.
   */
  private Object identify(Listener listener) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (offset > 0) {
        restart(listener);
      }
      fileKey = null;
      return null;
    }
    Object key = attributes.fileKey();
    if (offset > 0 && (attributes.size() < offset || !Objects.equals(key, fileKey))) {
      restart(listener);
    }
    fileKey = key;
    return key;
  }

  private Object fileKeyOrNull() throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private void restart(Listener listener) {
    offset = 0;
    listener.restart();
  }

  private static void feed(String line, Listener listener) {
    String[] f = line.split("\t");
    int index = Integer.parseInt(f[1]);
    switch (f[0]) {
      case "BEGIN":
        listener.event(index, EntryState.BEGUN);
        break;
      case "DONE":
        listener.event(index, EntryState.DONE);
        break;
      default:
        listener.event(index, EntryState.FAILED);
    }
  }
}
