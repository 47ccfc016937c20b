package io.ossimport.core.jobtree;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file-system primitives: atomic file writes, atomic directory moves, durable directory
 * creation and two-phase deletion.
 *
 * <p>An atomic write creates {@code .tmp-<name>-<nonce>} in the target's directory, writes and
 * fsyncs it, renames it over the target with {@code ATOMIC_MOVE} and fsyncs the directory, so a
 * reader sees either the old file or the complete new one. Names starting with {@value
 * #TEMP_PREFIX} or {@value #TRASH_PREFIX} are leftovers of an interrupted operation: listings
 * ignore them and recovery deletes them. Directory fsync is best effort where the platform cannot
 * open a directory (Windows).
 */
public final class AtomicFiles {
  /** Prefix of files and directories being built; never part of the tree's state. */
  public static final String TEMP_PREFIX = ".tmp-";

  /** Prefix of directories being deleted; never part of the tree's state. */
  public static final String TRASH_PREFIX = ".trash-";

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      Collections.unmodifiableSet(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

  private AtomicFiles() {}

  /** Writes a file's content to a stream; the stream is buffered and must not be closed. */
  public interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code target} atomically with the bytes {@code content} writes. */
  public static void write(Path target, ContentWriter content) throws IOException {
    write(target, content, false);
  }

  /** Replaces {@code target} atomically with {@code text} encoded as UTF-8. */
  public static void writeUtf8(Path target, String text) throws IOException {
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes), false);
  }

  /**
   * Like {@link #write} but the file is readable and writable by its owner only from the moment it
   * is created (POSIX {@code rw-------}, or an owner-only ACL), for files that hold secrets.
   */
  public static void writeOwnerOnly(Path target, ContentWriter content) throws IOException {
    write(target, content, true);
  }

  private static void write(Path target, ContentWriter content, boolean ownerOnly)
      throws IOException {
    Path dir = parentOf(target);
    Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + nonce());
    try {
      try (FileChannel channel = createNew(temp, ownerOnly)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (JobTreeException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new IOException("Cannot write " + target + ": " + e, e);
    }
    fsyncDirectory(dir);
  }

  /**
   * Writes a new file that must not exist yet, and forces it to disk, without a rename: for files
   * inside a directory that is itself being built under a temp name and renamed when complete.
   */
  public static void writeNew(Path file, ContentWriter content) throws IOException {
    try (FileChannel channel = createNew(file, false)) {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      content.writeTo(out);
      out.flush();
      channel.force(true);
    }
  }

  /** Copies {@code source} to the new file {@code target} and forces it to disk (no rename). */
  public static void copyNew(Path source, Path target) throws IOException {
    writeNew(target, out -> Files.copy(source, out));
  }

  /** Creates a new, empty file that must not exist yet, durably (the directory is fsynced). */
  public static void createEmptyFile(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    fsyncDirectory(parentOf(file));
  }

  static FileChannel createNew(Path file, boolean ownerOnly) throws IOException {
    Set<OpenOption> options = new java.util.HashSet<>();
    options.add(StandardOpenOption.CREATE_NEW);
    options.add(StandardOpenOption.WRITE);
    if (ownerOnly && supportsPosix(file)) {
      FileChannel channel =
          FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
      // The umask can only have removed bits; make the mode exactly rw------- before any byte.
      Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
      return channel;
    }
    FileChannel channel = FileChannel.open(file, options);
    if (ownerOnly) {
      restrictToOwnerAcl(file); // still empty: nothing was readable before this
    }
    return channel;
  }

  private static boolean supportsPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void restrictToOwnerAcl(Path file) throws IOException {
    AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
    if (view == null) {
      return; // neither POSIX modes nor ACLs: the file system offers no way to restrict access
    }
    AclEntry ownerOnly =
        AclEntry.newBuilder()
            .setType(AclEntryType.ALLOW)
            .setPrincipal(view.getOwner())
            .setPermissions(EnumSet.allOf(AclEntryPermission.class))
            .build();
    view.setAcl(Collections.singletonList(ownerOnly));
  }

  /**
   * Renames the directory (or file) {@code source} to {@code target} in one atomic step and fsyncs
   * both parents. Fails if {@code target} exists, so a state move never overwrites another task.
   */
  public static void move(Path source, Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          source.toString(), target.toString(), "cannot move: the target already exists");
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IOException("Cannot move " + source + " to " + target + ": " + e, e);
    }
    fsyncDirectory(parentOf(target));
    if (!parentOf(target).equals(parentOf(source))) {
      fsyncDirectory(parentOf(source));
    }
  }

  /**
   * Creates {@code dir} and any missing parents, fsyncing each parent that gained an entry, so the
   * directory survives a power loss once this returns.
   */
  public static void createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(absolute);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw new IOException("Cannot create directory " + absolute + ": a file is in the way", e);
      }
      return; // created concurrently
    }
    if (parent != null) {
      fsyncDirectory(parent);
    }
  }

  /**
   * Flushes a directory's entries to disk. Best effort where the platform cannot open a directory
   * for reading (Windows); an I/O error while flushing is reported.
   */
  public static void fsyncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (AccessDeniedException | UnsupportedOperationException e) {
      return;
    } catch (IOException e) {
      if (isWindows()) {
        return;
      }
      throw new IOException("Cannot open directory " + dir + " to flush it: " + e, e);
    }
    try {
      channel.force(true);
    } catch (IOException e) {
      if (!isWindows()) {
        throw new IOException("Cannot flush directory " + dir + ": " + e, e);
      }
    } finally {
      channel.close();
    }
  }

  /**
   * Deletes {@code path} (a file or a whole directory) in two phases: one atomic rename to a
   * {@value #TRASH_PREFIX} sibling, then the recursive delete. A crash in between leaves only
   * trash, never a half-deleted directory under its real name.
   *
   * @return whether {@code path} existed
   */
  public static boolean trashAndDelete(Path path) throws IOException {
    Path trash = moveToTrash(path);
    if (trash == null) {
      return false;
    }
    deleteRecursively(trash);
    return true;
  }

  /**
   * Phase one of {@link #trashAndDelete}: renames {@code path} to a {@value #TRASH_PREFIX} sibling
   * and fsyncs the directory.
   *
   * @return the trash path, or {@code null} if {@code path} did not exist
   */
  public static Path moveToTrash(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path trash = path.resolveSibling(TRASH_PREFIX + path.getFileName() + "-" + nonce());
    try {
      Files.move(path, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return null; // removed concurrently
    } catch (IOException e) {
      throw new IOException("Cannot move " + path + " aside to delete it: " + e, e);
    }
    fsyncDirectory(parentOf(path));
    return trash;
  }

  /** Deletes a file or a directory tree; a missing path is not an error. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new IOException("Cannot delete " + path + ": " + e, e);
    }
  }

  /** Whether a directory entry is a leftover of an interrupted write, move or delete. */
  public static boolean isLeftover(String fileName) {
    return fileName.startsWith(TEMP_PREFIX) || fileName.startsWith(TRASH_PREFIX);
  }

  /** A fresh name for a temporary sibling, {@code .tmp-<label>-<nonce>}. */
  static String tempName(String label) {
    return TEMP_PREFIX + label + "-" + nonce();
  }

  static void deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
    } catch (IOException | RuntimeException ignored) {
      // the caller is already failing; recovery removes the leftover
    }
  }

  private static Path parentOf(Path path) {
    Path parent = path.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException(path + " has no parent directory");
    }
    return parent;
  }

  private static String nonce() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
