package io.ossimport.core.jobtree;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working directory's exclusive lock ({@code master/.lock}): the service holds it while it
 * runs, {@code clean} while it deletes, so neither runs beside the other and a second {@code start}
 * is refused.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock}), released by the OS when the process
 * dies, so a kill -9 never leaves a stale lock. The file holds the holder's PID, purpose and start
 * time, for the refusal message. The locked region is one byte far past the end of the file, so on
 * Windows (where locks are mandatory) another process can still read who holds it. Inside one JVM,
 * holders are tracked in a registry and never touched through a second channel: closing any channel
 * of a file drops the process's POSIX locks on it.
 */
public final class ServiceLock implements AutoCloseable {
  private static final long REGION = Long.MAX_VALUE - 1;

  /** How long a start waits for a process that only checks whether the lock is held. */
  private static final long PROBE_GRACE_MILLIS = 1000;

  private static final Map<Path, ServiceLock> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private final String holder;

  private ServiceLock(Path file, Path key, FileChannel channel, FileLock lock, String holder) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /**
   * Takes the lock for {@code purpose} (for example {@code service} or {@code clean}).
   *
   * @throws WorkingDirLockedException naming the lock file and the holder's PID if it is held
   */
  static ServiceLock acquire(Path lockFile, String purpose, Clock clock) throws IOException {
    AtomicFiles.createDirectories(lockFile.getParent());
    Path key = keyOf(lockFile);
    synchronized (HELD_IN_THIS_JVM) {
      ServiceLock mine = HELD_IN_THIS_JVM.get(key);
      if (mine != null) {
        throw refusal(lockFile, mine.holder + " in this JVM", parsePid(currentPid()));
      }
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      FileLock lock;
      try {
        lock = tryLockWithGrace(channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw new IOException("Cannot lock " + lockFile + ": " + e, e);
      }
      if (lock == null) {
        channel.close(); // safe: this JVM holds no lock on the file
        String other = readHolder(lockFile);
        throw refusal(
            lockFile, other == null ? "another process (PID unknown)" : other, readPid(lockFile));
      }
      try {
        String started = Instant.now(clock).toString();
        String holder = "PID " + currentPid() + " (" + purpose + ", since " + started + ")";
        byte[] content =
            ("pid=" + currentPid() + "\npurpose=" + purpose + "\nstarted=" + started + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(content), 0);
        channel.force(true);
        ServiceLock acquired = new ServiceLock(lockFile, key, channel, lock, holder);
        HELD_IN_THIS_JVM.put(key, acquired);
        return acquired;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw new IOException("Cannot write " + lockFile + ": " + e, e);
      }
    }
  }

  /**
   * Tries the lock for up to {@link #PROBE_GRACE_MILLIS}: {@link #isHeld} in another process (a
   * {@code stat --follow}, a {@code stop}) holds it for an instant to find out whether a service
   * runs, and a start must not be refused for that. A service holds it for its whole life, so a
   * real refusal only comes that much later.
   */
  private static FileLock tryLockWithGrace(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + PROBE_GRACE_MILLIS * 1_000_000L;
    while (true) {
      FileLock lock = channel.tryLock(REGION, 1, false);
      if (lock != null || System.nanoTime() > deadline) {
        return lock;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** Whether some process (this one included) holds the lock on {@code lockFile}. */
  static boolean isHeld(Path lockFile) throws IOException {
    if (!Files.exists(lockFile)) {
      return false;
    }
    synchronized (HELD_IN_THIS_JVM) {
      if (HELD_IN_THIS_JVM.containsKey(keyOf(lockFile))) {
        return true;
      }
      try (FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        FileLock lock = channel.tryLock(REGION, 1, false);
        if (lock == null) {
          return true;
        }
        lock.release();
        return false;
      } catch (NoSuchFileException e) {
        return false;
      }
    }
  }

  /** The registry key: the real path of the lock file's directory, plus its name. */
  private static Path keyOf(Path lockFile) throws IOException {
    return lockFile.toAbsolutePath().getParent().toRealPath().resolve(lockFile.getFileName());
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /** Whether this lock is still held. */
  public boolean isValid() {
    return lock.isValid();
  }

  /** Releases the lock and empties the file. */
  @Override
  public void close() throws IOException {
    synchronized (HELD_IN_THIS_JVM) {
      if (!channel.isOpen()) {
        return;
      }
      try {
        channel.truncate(0);
      } finally {
        HELD_IN_THIS_JVM.remove(key, this);
        channel.close(); // releases the lock
      }
    }
  }

  @Override
  public String toString() {
    return "lock " + file + " held by " + holder;
  }

  private static WorkingDirLockedException refusal(Path lockFile, String holder, long pid) {
    return new WorkingDirLockedException(
        "The working directory "
            + lockFile.getParent().getParent()
            + " is in use: its lock file "
            + lockFile
            + " is held by "
            + holder
            + ".",
        lockFile,
        pid);
  }

  /**
   * The PID of the process holding the lock on {@code lockFile}, or -1 when nobody holds it (or the
   * file does not say).
   */
  static long holderPid(Path lockFile) throws IOException {
    if (!isHeld(lockFile)) {
      return -1;
    }
    synchronized (HELD_IN_THIS_JVM) {
      if (HELD_IN_THIS_JVM.containsKey(keyOf(lockFile))) {
        return parsePid(currentPid());
      }
    }
    return readPid(lockFile);
  }

  /** The {@code pid=} of the lock file, or -1. */
  private static long readPid(Path lockFile) {
    try {
      for (String line :
          new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("pid=")) {
          return parsePid(line.substring(4).trim());
        }
      }
    } catch (IOException e) {
      // unreadable: unknown
    }
    return -1;
  }

  private static long parsePid(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** "PID n (purpose, since time)" from the file, or {@code null} if it says nothing usable. */
  private static String readHolder(Path lockFile) {
    try {
      String pid = null;
      String purpose = "unknown";
      String started = "an unknown time";
      for (String line :
          new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("pid=")) {
          pid = line.substring(4);
        } else if (line.startsWith("purpose=")) {
          purpose = line.substring(8);
        } else if (line.startsWith("started=")) {
          started = line.substring(8);
        }
      }
      return pid == null ? null : "PID " + pid + " (" + purpose + ", since " + started + ")";
    } catch (IOException e) {
      return null;
    }
  }

  /** This JVM's PID, from the runtime name {@code pid@host} (Java 8 has no ProcessHandle). */
  static String currentPid() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at > 0 ? name.substring(0, at) : name;
  }
}
