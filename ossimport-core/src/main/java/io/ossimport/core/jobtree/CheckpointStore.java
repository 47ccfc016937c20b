package io.ossimport.core.jobtree;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The scan checkpoints of one job: {@code checkpoints/<round>/<sequence>.cpt}, the sequence a
 * 10-digit zero-padded number that grows by one per checkpoint. Each file is written atomically and
 * the two newest of a round are kept, so the latest readable one is always the newest complete
 * checkpoint: a torn or unreadable newest file (which atomic writes should rule out) falls back to
 * the one before.
 *
 * <p>Format version 1: header {@code ossimport-checkpoint 1}, {@code key=value} lines ({@code
 * round}, {@code sequence}, {@code lastTaskId}, {@code tasks}, {@code objects}, {@code bytes},
 * {@code writtenAt}, {@code scannerState} escaped by {@link NameCodec}), and the line {@code end}.
 */
public final class CheckpointStore {
  static final String HEADER = "ossimport-checkpoint 1";
  private static final String SUFFIX = ".cpt";
  private static final int KEEP = 2;

  private final Path checkpointsDir;
  private final Clock clock;
  private final Object monitor;

  CheckpointStore(Path checkpointsDir, Clock clock, Object monitor) {
    this.checkpointsDir = checkpointsDir;
    this.clock = clock;
    this.monitor = monitor;
  }

  /**
   * Stores {@code checkpoint} as the newest of its round, when no task was written since the
   * previous checkpoint (whose last task id it carries forward). A checkpoint that follows a task
   * is written by {@link NewTask#commit(CheckpointStore, Checkpoint)}.
   */
  public Checkpoint write(Checkpoint checkpoint) throws IOException {
    synchronized (monitor) {
      Optional<Checkpoint> previous = latest(checkpoint.round());
      return write(checkpoint, previous.isPresent() ? previous.get().lastTaskId() : null);
    }
  }

  Checkpoint write(Checkpoint checkpoint, TaskId lastTaskId) throws IOException {
    synchronized (monitor) {
      return writeNext(checkpoint, lastTaskId);
    }
  }

  private Checkpoint writeNext(Checkpoint checkpoint, TaskId lastTaskId) throws IOException {
    Path roundDir = roundDir(checkpoint.round());
    AtomicFiles.createDirectories(roundDir);
    List<Long> sequences = sequences(roundDir);
    long next = sequences.isEmpty() ? 1 : sequences.get(0) + 1;
    final Checkpoint stored = checkpoint.stored(next, lastTaskId, Instant.now(clock));
    AtomicFiles.write(
        roundDir.resolve(fileName(next)),
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(format(stored));
          w.flush();
        });
    for (int i = KEEP - 1; i < sequences.size(); i++) {
      Files.deleteIfExists(roundDir.resolve(fileName(sequences.get(i))));
    }
    return stored;
  }

  /** The newest readable checkpoint of {@code round}, if any. */
  public Optional<Checkpoint> latest(int round) throws IOException {
    Path roundDir = roundDir(round);
    if (!Files.isDirectory(roundDir)) {
      return Optional.empty();
    }
    CorruptFileException firstProblem = null;
    for (long sequence : sequences(roundDir)) {
      try {
        return Optional.of(read(roundDir.resolve(fileName(sequence))));
      } catch (CorruptFileException e) {
        firstProblem = firstProblem == null ? e : firstProblem;
      }
    }
    if (firstProblem != null) {
      throw firstProblem;
    }
    return Optional.empty();
  }

  /**
   * The newest readable checkpoint of {@code round} or, if it has none yet, of the nearest earlier
   * round that has one: where the counts of an incremental round start from.
   */
  public Optional<Checkpoint> latestUpTo(int round) throws IOException {
    for (int r = round; r >= 0; r--) {
      Optional<Checkpoint> latest = latest(r);
      if (latest.isPresent()) {
        return latest;
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the checkpoints of every round before {@code round} (through trash names, so a crash
   * leaves only trash that recovery deletes). An incremental job calls it once a round's listing
   * has ended, so that the tree holds two rounds' checkpoints however many rounds run.
   */
  public void dropRoundsBefore(int round) throws IOException {
    if (!Files.isDirectory(checkpointsDir)) {
      return;
    }
    synchronized (monitor) {
      List<Path> old = new ArrayList<>();
      try (DirectoryStream<Path> rounds = Files.newDirectoryStream(checkpointsDir)) {
        for (Path dir : rounds) {
          String name = dir.getFileName().toString();
          if (name.matches("[0-9]{1,9}") && Integer.parseInt(name) < round) {
            old.add(dir);
          }
        }
      }
      for (Path dir : old) {
        AtomicFiles.trashAndDelete(dir);
      }
    }
  }

  /** The highest round that has a checkpoint directory, if any. */
  public OptionalInt latestRound() throws IOException {
    if (!Files.isDirectory(checkpointsDir)) {
      return OptionalInt.empty();
    }
    int latest = -1;
    try (DirectoryStream<Path> rounds = Files.newDirectoryStream(checkpointsDir)) {
      for (Path round : rounds) {
        String name = round.getFileName().toString();
        if (name.matches("[0-9]{1,9}") && Files.isDirectory(round)) {
          latest = Math.max(latest, Integer.parseInt(name));
        }
      }
    }
    return latest < 0 ? OptionalInt.empty() : OptionalInt.of(latest);
  }

  /** The newest checkpoint of the newest round, if any. */
  Optional<Checkpoint> latest() throws IOException {
    OptionalInt round = latestRound();
    return round.isPresent() ? latest(round.getAsInt()) : Optional.<Checkpoint>empty();
  }

  Path roundDir(int round) {
    if (round < 0) {
      throw new IllegalArgumentException("round " + round + " is negative");
    }
    return checkpointsDir.resolve(Integer.toString(round));
  }

  /** Sequence numbers of the complete checkpoint files of a round, newest first. */
  private static List<Long> sequences(Path roundDir) throws IOException {
    List<Long> sequences = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(roundDir, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        String digits = name.substring(0, name.length() - SUFFIX.length());
        if (digits.matches("[0-9]{1,18}")) {
          sequences.add(Long.parseLong(digits));
        }
      }
    }
    Collections.sort(sequences, Collections.reverseOrder());
    return sequences;
  }

  private static String fileName(long sequence) {
    return String.format("%010d", sequence) + SUFFIX;
  }

  static String format(Checkpoint c) {
    return HEADER
        + "\nround="
        + c.round()
        + "\nsequence="
        + c.sequence()
        + "\nlastTaskId="
        + (c.lastTaskId() == null ? "" : c.lastTaskId())
        + "\ntasks="
        + c.tasks()
        + "\nobjects="
        + c.objects()
        + "\nbytes="
        + c.bytes()
        + "\nwrittenAt="
        + c.writtenAt()
        + "\nscannerState="
        + NameCodec.escape(c.scannerState())
        + "\nend\n";
  }

  static Checkpoint read(Path file) throws IOException {
    Map<String, String> v = new HashMap<>();
    boolean ended = false;
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try (LineReader lines = new LineReader(in, file)) {
      String header = lines.next();
      if (!HEADER.equals(header)) {
        throw lines.corrupt("expected the header '" + HEADER + "', found '" + header + "'");
      }
      for (String line = lines.next(); line != null && !ended; line = lines.next()) {
        int eq = line.indexOf('=');
        if (line.equals("end")) {
          ended = true;
        } else if (eq > 0) {
          v.put(line.substring(0, eq), line.substring(eq + 1));
        } else {
          throw lines.corrupt("expected key=value, found '" + line + "'");
        }
      }
    }
    if (!ended) {
      throw new CorruptFileException(file, 0, "incomplete checkpoint (no 'end' line)");
    }
    try {
      String lastTask = v.get("lastTaskId");
      return new Checkpoint(
          Integer.parseInt(v.get("round")),
          Long.parseLong(v.get("sequence")),
          NameCodec.unescape(v.get("scannerState")),
          lastTask == null || lastTask.isEmpty() ? null : TaskId.parse(lastTask),
          Long.parseLong(v.get("tasks")),
          Long.parseLong(v.get("objects")),
          Long.parseLong(v.get("bytes")),
          Instant.parse(v.get("writtenAt")));
    } catch (RuntimeException e) {
      throw new CorruptFileException(file, 0, "bad checkpoint field: " + e, e);
    }
  }
}
