package io.ossimport.core.jobtree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists tasks per state as lazy streams over {@link DirectoryStream}s, so a million task
 * directories are never held in memory. Hidden entries (temp, trash, staged) are skipped.
 */
final class TaskListing {
  private final JobTreeLayout layout;

  TaskListing(JobTreeLayout layout) {
    this.layout = layout;
  }

  /** The tasks of {@code job} in {@code state}; close the stream. */
  Stream<TaskRef> tasks(String job, TaskState state) throws IOException {
    Path dir = layout.stateDir(job, state);
    switch (state) {
      case PENDING:
        return entries(dir).map(TaskListing::pendingRef).filter(Objects::nonNull);
      case DISPATCHED:
        return entries(dir)
            .filter(p -> JobTreeLayout.isValidName(p.getFileName().toString()))
            .filter(Files::isDirectory)
            .flatMap(workerDir -> dispatchedRefs(workerDir));
      default:
        return entries(dir)
            .map(p -> finalRef(p.getFileName().toString(), state))
            .filter(Objects::nonNull);
    }
  }

  long count(String job, TaskState state) throws IOException {
    try (Stream<TaskRef> tasks = tasks(job, state)) {
      return tasks.count();
    }
  }

  /** The entries of a directory, lazily; a missing directory is empty. Close the stream. */
  static Stream<Path> entries(Path dir) throws IOException {
    final DirectoryStream<Path> stream;
    try {
      stream = Files.newDirectoryStream(dir);
    } catch (NoSuchFileException e) {
      return Stream.empty();
    }
    return StreamSupport.stream(stream.spliterator(), false)
        .onClose(
            () -> {
              try {
                stream.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static Stream<TaskRef> dispatchedRefs(Path workerDir) {
    final String worker = workerDir.getFileName().toString();
    try {
      return entries(workerDir)
          .map(
              p -> {
                TaskId id = TaskId.tryParse(p.getFileName().toString());
                return id == null ? null : new TaskRef(id, TaskState.DISPATCHED, worker);
              })
          .filter(Objects::nonNull);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TaskRef pendingRef(Path dir) {
    TaskId id = TaskId.tryParse(dir.getFileName().toString());
    return id == null ? null : new TaskRef(id, TaskState.PENDING, null);
  }

  /** Parses {@code <id>@<worker>}; anything else (leftovers) is skipped. */
  static TaskRef finalRef(String name, TaskState state) {
    int at = name.indexOf('@');
    if (at < 0) {
      return null;
    }
    TaskId id = TaskId.tryParse(name.substring(0, at));
    String worker = name.substring(at + 1);
    return id == null || !JobTreeLayout.isValidName(worker) ? null : new TaskRef(id, state, worker);
  }
}
